using EventHub.Core.Bookings;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Booking closes at the organiser's "Booking closes" time, even after the start (walk-ins), or at the start when none is set.</summary>
public sealed class BookingClosesTests
{
    private static async Task<DateTime> SetClosesAsync(BookingKit kit, Func<Event, DateTime?> closes)
    {
        var ev = await kit.EventAsync();
        var value = closes(ev);
        await using var db = kit.Database.CreateDbContext();
        await db.Events.Where(e => e.Id == kit.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.BookingClosesUtc, value));
        return ev.StartUtc;
    }

    [Fact]
    public async Task A_closing_time_after_the_start_keeps_booking_open_for_walk_ins_until_that_time()
    {
        await using var kit = await BookingKit.CreateAsync();
        var start = await SetClosesAsync(kit, ev => ev.StartUtc.AddHours(2));
        var form = new PublicBooking(kit.Database, kit.Clock);

        kit.Clock.SetUtcNow(start.AddHours(1));
        (await form.GetFormAsync("forum", null))!.Window.ShouldBe(BookingWindow.Open);
        (await kit.BookAsync("Wally Walkin")).Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.EventAsync()).BookingHasClosed(start.AddHours(1)).ShouldBeFalse();

        kit.Clock.SetUtcNow(start.AddHours(2));
        (await form.GetFormAsync("forum", null))!.Window.ShouldBe(BookingWindow.Closed);
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Lena Late")))).ErrorCode.ShouldBe(BookingErrors.Closed.Code);
        (await kit.EventAsync()).BookingHasClosed(start.AddHours(2)).ShouldBeTrue();
        (await kit.AllBookingsAsync()).Select(b => b.Name).ShouldBe(["Wally Walkin"]);
    }

    [Fact]
    public async Task With_no_closing_time_booking_closes_when_the_event_starts()
    {
        await using var kit = await BookingKit.CreateAsync();
        var start = await SetClosesAsync(kit, _ => null);
        var form = new PublicBooking(kit.Database, kit.Clock);

        kit.Clock.SetUtcNow(start.AddMinutes(-1));
        (await form.GetFormAsync("forum", null))!.Window.ShouldBe(BookingWindow.Open);
        (await kit.BookAsync("Early Ed")).Status.ShouldBe(BookingStatus.Confirmed);

        kit.Clock.SetUtcNow(start);
        (await form.GetFormAsync("forum", null))!.Window.ShouldBe(BookingWindow.Closed);
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Sam Start")))).ErrorCode.ShouldBe(BookingErrors.Closed.Code);
        (await kit.EventAsync()).BookingHasClosed(start).ShouldBeTrue();
    }
}
