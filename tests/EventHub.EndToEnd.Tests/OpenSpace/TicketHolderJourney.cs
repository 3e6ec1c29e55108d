using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

public sealed class TicketHolderJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{

    [Fact]
    public async Task A_ticket_holder_proposes_from_their_manage_link_and_later_sees_where_the_facilitator_placed_it()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(seed.EventId, new BookingForm
        {
            Name = "Ann Attendee", Email = "ann@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }));
        booked.Succeeded.ShouldBeTrue();
        var manage = App.Url($"/manage/{booked.Value!.ManageToken}");

        // On a phone: the holder proposes a session from their manage page.
        var holder = await NewPageAsync(phone: true);
        await holder.GotoInteractiveAsync(manage);
        await Assertions.Expect(holder.GetByTestId("holder-board")).ToContainTextAsync("Sessions on the day");
        await Assertions.Expect(holder.GetByTestId("proposal-ConvenerName")).ToHaveValueAsync("Ann Attendee");
        await holder.GetByTestId("propose-session").ClickAsync();
        await Assertions.Expect(holder.GetByTestId("proposal-errors")).ToContainTextAsync("There is a problem");
        await holder.ShouldHaveNoAxeViolationsAsync();
        await holder.FillFieldAsync("proposal-Title", "Bots for bin collections");
        await holder.FillFieldAsync("proposal-Description", "What residents asked our bot");
        await holder.GetByTestId("propose-session").ClickAsync();
        await Assertions.Expect(holder.GetByTestId("holder-message")).ToContainTextAsync("“Bots for bin collections” is in the pitch queue");
        await Assertions.Expect(holder.GetByTestId("holder-proposals")).ToContainTextAsync("In the pitch queue, number 1 of 1");
        await holder.ShouldHaveNoAxeViolationsAsync();

        // The facilitator finds it in the queue and places it.
        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await Assertions.Expect(facilitator.GetByTestId("select-proposal")).ToContainTextAsync("Bots for bin collections");
        await facilitator.GetByTestId("select-proposal").ClickAsync();
        await facilitator.GetByTestId("place-here").First.ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}")).ToContainTextAsync("Bots for bin collections");

        // Back on the manage page: where it is now, and "I'd like to go" works from the keyboard.
        await holder.GotoInteractiveAsync(manage);
        await Assertions.Expect(holder.GetByTestId("holder-proposals")).ToContainTextAsync("On the board: Reading room");
        var interest = holder.Locator("[data-testid^=holder-interest-]");
        await interest.FocusAsync();
        await holder.Keyboard.PressAsync("Enter");
        await Assertions.Expect(interest).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(holder.GetByTestId("holder-message")).ToContainTextAsync("You are down as interested in “Bots for bin collections”");
        await holder.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_javascript_a_ticket_holder_proposes_a_session_and_marks_interest_from_their_manage_link()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var proposal = (await App.Service<PitchQueueService>().ProposeAsync(seed.EventId, new ProposalInput("Open data for buses", "Cat Convener"), "Cat Convener")).Value!;
        var sessionId = (await App.Service<SessionPlacementService>().PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId)).Value!.SessionId;
        var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(seed.EventId, new BookingForm
        {
            Name = "Nia Nojs", Email = "nia.nojs@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }));
        booked.Succeeded.ShouldBeTrue();

        var holder = await NewPageAsync(phone: true, javaScript: false);
        await holder.GotoInteractiveAsync(App.Url($"/manage/{booked.Value!.ManageToken}"));
        await Assertions.Expect(holder.GetByTestId("holder-board")).ToContainTextAsync("Sessions on the day");
        await holder.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // A description but no title: the error summary, with the description and the convener kept.
        await holder.GetByTestId("proposal-Description").FillAsync("Which timetables people use");
        await holder.GetByTestId("propose-session").ClickAsync();
        await Assertions.Expect(holder.GetByTestId("proposal-errors")).ToContainTextAsync("There is a problem");
        await Assertions.Expect(holder.GetByTestId("proposal-Description")).ToHaveValueAsync("Which timetables people use");
        await Assertions.Expect(holder.GetByTestId("proposal-ConvenerName")).ToHaveValueAsync("Nia Nojs");
        await holder.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await holder.GetByTestId("proposal-Title").FillAsync("Bus stops without screens");
        await holder.GetByTestId("propose-session").ClickAsync();
        await Assertions.Expect(holder.GetByTestId("holder-message")).ToContainTextAsync("“Bus stops without screens” is in the pitch queue");
        await Assertions.Expect(holder.GetByTestId("holder-proposals")).ToContainTextAsync("In the pitch queue, number 1 of 1");
        await holder.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        var interest = holder.GetByTestId($"holder-interest-{sessionId}");
        await interest.ClickAsync();
        await Assertions.Expect(holder.GetByTestId("holder-message")).ToContainTextAsync("You are down as interested in “Open data for buses”");
        await Assertions.Expect(interest).ToHaveAttributeAsync("aria-pressed", "true");
        await holder.ShouldHaveNoAxeViolationsWithoutScriptAsync();
    }
}
