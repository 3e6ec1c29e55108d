using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Privacy;

public sealed class DeleteMyBookingJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_person_deletes_their_booking_from_the_manage_link_and_their_place_goes_to_the_person_waiting()
    {
        var (quentin, token, wendy) = await BookedAndWaitingAsync();
        var page = await NewPageAsync(phone: true);

        await page.GotoInteractiveAsync(App.Url(ManageRoutes.Manage(token)));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("delete-my-data").ClickAsync();
        await page.WaitForURLAsync("**/privacy/delete-booking/**");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delete your booking and details?");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("confirm-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("booking-deleted")).ToContainTextAsync("Your place has gone to the next person waiting.");
        await page.ShouldHaveNoAxeViolationsAsync();

        await using (var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct))
        {
            (await db.Set<Booking>().SingleAsync(b => b.Id == wendy, Ct)).Status.ShouldBe(BookingStatus.Offered);
            (await db.Set<Booking>().SingleAsync(b => b.Id == quentin, Ct)).Name.ShouldBe("Anonymised");
        }

        await page.GotoAsync(App.Url(ManageRoutes.Manage(token)));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("not valid");
    }

    private async Task<(int Quentin, string Token, int Wendy)> BookedAndWaitingAsync()
    {
        var eventId = await PrivacyEvents.PublishedAsync(App, "Deletion Forum", capacity: 1);
        var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(eventId, new BookingForm
        {
            Name = "Quentin Zephyrine", Email = $"zq-{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        booked.Succeeded.ShouldBeTrue(booked.Message);
        var waiting = await PrivacyEvents.AddByHandAsync(App, eventId, "Wendy Waiting", $"wendy-{Guid.NewGuid():N}@devon.gov.uk");
        return (booked.Value!.BookingId, booked.Value.ManageToken, waiting.BookingId);
    }
}
