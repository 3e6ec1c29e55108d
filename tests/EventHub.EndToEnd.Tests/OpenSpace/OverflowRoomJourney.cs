using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>
/// A facilitator duplicates a popular session into an overflow room; the convener reads it on their manage page and
/// takes their name off the session there; the phone board shows both.
/// </summary>
public sealed class OverflowRoomJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_facilitator_duplicates_a_session_into_an_overflow_room_and_the_convener_reads_it_on_their_manage_page()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var annexe = (await App.Service<AgendaService>().SaveRoomAsync(Actor.System, seed.EventId, null, new RoomInput { Name = "Overflow annexe", Capacity = 30 }, Ct)).Value!;
        var booked = (await App.Service<BookingService>().BookAsync(new BookingRequest(seed.EventId, new BookingForm
        {
            Name = "Cal Convener", Email = $"cal.{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct)).Value!;
        var title = $"Open data for buses {Guid.NewGuid():N}"[..28];
        var proposal = (await App.Service<TicketHolderBoardService>().ProposeAsync(booked.ManageToken, new ProposalInput(title, null, null, CreditByName: true), Ct)).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId, Ct)).Value!.SessionId;

        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await facilitator.GetByTestId("select-session").ClickAsync();
        await facilitator.GetByTestId($"cell-{annexe.Id}-{seed.SlotId}").GetByTestId("duplicate-here").ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId("board-message")).ToContainTextAsync($"“{title}” now also runs in Overflow annexe");
        await Assertions.Expect(facilitator.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}").GetByTestId("also-in")).ToHaveTextAsync("Also in Overflow annexe");
        await Assertions.Expect(facilitator.GetByTestId($"cell-{annexe.Id}-{seed.SlotId}").GetByTestId("also-in"))
            .ToHaveTextAsync("Also in Reading room (this is the overflow room, with its own notes)");
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        // The copy's notes are its own, and its take-notes page says so.
        var copyNotes = facilitator.GetByTestId($"cell-{annexe.Id}-{seed.SlotId}").GetByTestId("session-notes-link");
        await copyNotes.ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId("own-notes")).ToContainTextAsync("these are the notes of the group in Overflow annexe");
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        var phone = await NewPageAsync(phone: true);
        await phone.GotoAsync(App.Url($"/manage/{booked.ManageToken}"));
        await Assertions.Expect(phone.GetByTestId($"holder-proposal-moved-{proposal.Id}")).ToContainTextAsync("Also in Overflow annexe (an overflow room with its own notes)");
        await Assertions.Expect(phone.GetByTestId($"holder-proposal-{proposal.Id}")).ToContainTextAsync("On the board: Reading room and Overflow annexe");
        await phone.ShouldHaveNoAxeViolationsAsync();

        // The convener asked to be credited; they take their name off again from the same page (a plain form).
        await phone.GetByTestId("withdraw-name").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("withdraw-errors")).ToContainTextAsync("There is a problem");
        await phone.ShouldHaveNoAxeViolationsAsync();
        await phone.GetByTestId("withdraw-confirm").CheckAsync();
        await phone.GetByTestId("withdraw-name").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("holder-message")).ToContainTextAsync("Your name is withdrawn");
        await Assertions.Expect(phone.GetByTestId("withdraw-name-form")).ToHaveCountAsync(0);
        await phone.ShouldHaveNoAxeViolationsAsync();

        await phone.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board"));
        await Assertions.Expect(phone.Locator($"#session-{sessionId}").GetByTestId("also-in")).ToHaveTextAsync("Also in Overflow annexe");
        await Assertions.Expect(phone.Locator($"#session-{sessionId}")).ToContainTextAsync(Credit.Participant);
        await Assertions.Expect(phone.Locator($"#session-{sessionId}")).Not.ToContainTextAsync("Cal Convener");
        await phone.ShouldHaveNoAxeViolationsAsync();
    }
}
