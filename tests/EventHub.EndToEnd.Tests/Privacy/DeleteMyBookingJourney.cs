using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
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
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Deletion Forum " + Guid.NewGuid().ToString("N")[..6], Capacity = 1, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(created.Value.Id, new BookingForm
        {
            Name = "Quentin Zephyrine", Email = $"zq-{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        booked.Succeeded.ShouldBeTrue(booked.Message);
        var waiting = await App.Service<AttendeeService>().AddByHandAsync(Actor.System, created.Value.Id, new BookingForm
        {
            Name = "Wendy Waiting", Email = $"wendy-{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council",
        }, Ct);
        waiting.Succeeded.ShouldBeTrue(waiting.Message);
        return (booked.Value!.BookingId, booked.Value.ManageToken, waiting.Value!.BookingId);
    }
}
