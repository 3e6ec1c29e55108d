using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Dashboards;

/// <summary>
/// The sold-out time is kept on the event by the booking use cases: the place that fills the event sets it, a place
/// coming back clears it, and filling again sets it again, so the series figures show when it last sold out.
/// </summary>
public sealed class SoldOutTimeTests : IAsyncLifetime
{
    private DashboardKit _kit = default!;
    private int _seriesId;
    private int _eventId;
    private DateTime _opens;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _kit = await DashboardKit.CreateAsync();
        _seriesId = await _kit.SeriesAsync();
        _opens = _kit.Now.AddDays(-1);
        _eventId = await _kit.EventAsync(capacity: 2, _opens, _kit.Now.AddDays(20), _seriesId);
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task A_cancellation_clears_the_sold_out_time_and_the_next_booking_that_fills_the_event_sets_it_again()
    {
        var bookings = _kit.Services.Get<BookingService>();
        var ann = await BookAfterAsync(TimeSpan.FromHours(1), "Ann Example");
        (await SoldOutAfterAsync()).ShouldBeNull("one place is still free");
        await BookAfterAsync(TimeSpan.FromHours(1), "Bob Example");
        (await SoldOutAfterAsync()).ShouldBe(TimeSpan.FromHours(26));

        _kit.Services.Clock.Advance(TimeSpan.FromHours(1));
        (await bookings.CancelAsync(ann.ManageToken, Ct)).Succeeded.ShouldBeTrue();
        (await SoldOutAfterAsync()).ShouldBeNull("Ann's place came back");

        await BookAfterAsync(TimeSpan.FromHours(3), "Cat Example");
        (await SoldOutAfterAsync()).ShouldBe(TimeSpan.FromHours(30));
    }

    [Fact]
    public async Task A_place_offered_straight_to_the_waiting_list_keeps_the_event_sold_out_from_the_cancellation()
    {
        var bookings = _kit.Services.Get<BookingService>();
        var ann = await BookAfterAsync(TimeSpan.FromHours(1), "Ann Example");
        await BookAfterAsync(TimeSpan.FromHours(1), "Bob Example");
        (await BookAfterAsync(TimeSpan.FromHours(1), "Cat Example")).Status.ShouldBe(BookingStatus.Waiting);

        _kit.Services.Clock.Advance(TimeSpan.FromHours(2));
        (await bookings.CancelAsync(ann.ManageToken, Ct)).Succeeded.ShouldBeTrue();

        (await SoldOutAfterAsync()).ShouldBe(TimeSpan.FromHours(29), "Cat was offered Ann's place at once, so it sold out again then");
    }

    [Fact]
    public async Task An_organiser_cancelling_a_place_clears_it_too()
    {
        await BookAfterAsync(TimeSpan.FromHours(1), "Ann Example");
        var bob = await BookAfterAsync(TimeSpan.FromHours(1), "Bob Example");

        (await _kit.Services.Get<AttendeeService>().CancelAsync(Actors.Organiser, bob.BookingId, reason: null, Ct)).Succeeded.ShouldBeTrue();

        (await SoldOutAfterAsync()).ShouldBeNull();
    }

    [Fact]
    public void A_capacity_change_keeps_clears_or_sets_the_sold_out_time()
    {
        var then = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var now = then.AddDays(3);
        Event Full(int capacity, int taken, DateTime? soldOut) =>
            new() { Title = "Forum", Slug = "forum", Capacity = capacity, PlacesTaken = taken, SoldOutUtc = soldOut };

        EventRules.SoldOutAfterCapacityChange(Full(20, 20, then), now).ShouldBe(then, "still full: the time it sold out stands");
        EventRules.SoldOutAfterCapacityChange(Full(25, 20, then), now).ShouldBeNull("five places came back");
        EventRules.SoldOutAfterCapacityChange(Full(20, 20, null), now).ShouldBe(now, "lowered to the places taken: full from now");
        EventRules.SoldOutAfterCapacityChange(Full(0, 0, null), now).ShouldBeNull("an event with no places never sold out");
    }

    private async Task<BookingResult> BookAfterAsync(TimeSpan wait, string name)
    {
        _kit.Services.Clock.Advance(wait);
        var outcome = await _kit.Services.Get<BookingService>().BookAsync(new BookingRequest(_eventId, BookingKit.Form(name)), Ct);
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    private async Task<TimeSpan?> SoldOutAfterAsync() =>
        (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!.Editions.ShouldHaveSingleItem().SoldOutAfter;
}
