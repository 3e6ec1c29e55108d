using EventHub.Core.Bookings;
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
}
