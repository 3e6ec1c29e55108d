using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>A ticket holder whose session the facilitator moves reads what happened on their manage page.</summary>
public sealed class ConvenerMoveJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_convener_sees_on_their_manage_page_that_the_facilitators_moved_their_session()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var booked = (await App.Service<BookingService>().BookAsync(new BookingRequest(seed.EventId, new BookingForm
        {
            Name = "Cal Convener", Email = $"cal.{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct)).Value!;
        var proposal = (await App.Service<TicketHolderBoardService>().ProposeAsync(booked.ManageToken, new ProposalInput("Open data for buses", null, null), Ct)).Value!;
        var placement = App.Service<SessionPlacementService>();
        var layout = App.Service<BoardLayoutService>();
        var board = (await layout.GetBoardAsync(Actor.System, seed.EventId, Ct))!;
        var later = (await layout.AddSlotAsync(Actor.System, seed.EventId, board.Slots[0].EndUtc.AddHours(1), board.Slots[0].EndUtc.AddHours(2), Ct)).Value!;
        var sessionId = (await placement.PlaceAsync(Actor.System, proposal.Id, seed.RoomId, seed.SlotId, Ct)).Value!.SessionId;
        (await placement.MoveAsync(Actor.System, sessionId, seed.RoomId, later.Id, Ct)).Succeeded.ShouldBeTrue();

        var page = await NewPageAsync(phone: true);
        await page.GotoAsync(App.Url($"/manage/{booked.ManageToken}"));
        var moved = page.GetByTestId($"holder-proposal-moved-{proposal.Id}");
        await Assertions.Expect(moved).ToContainTextAsync("Moved by the facilitators at");
        await Assertions.Expect(page.GetByTestId($"holder-proposal-{proposal.Id}")).ToContainTextAsync("On the board: Reading room, " + EventTime.FormatRange(later.StartUtc, later.EndUtc, EventTime.DefaultTimeZoneId));
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
