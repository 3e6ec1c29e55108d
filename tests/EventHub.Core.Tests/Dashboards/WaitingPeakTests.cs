using EventHub.Core.Bookings;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Dashboards;

/// <summary>
/// The waiting list's peak is a running maximum kept on the event by the booking use cases: offers, cancellations
/// and people leaving shorten the list but never the peak, which the event and series figures show.
/// </summary>
public sealed class WaitingPeakTests : IAsyncLifetime
{
    private DashboardKit _kit = default!;
    private int _seriesId;
    private int _eventId;

    public async ValueTask InitializeAsync()
    {
        _kit = await DashboardKit.CreateAsync();
        _seriesId = await _kit.SeriesAsync();
        _eventId = await _kit.EventAsync(capacity: 1, _kit.Now.AddDays(-1), _kit.Now.AddDays(20), _seriesId);
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    private async Task<BookingResult> BookAsync(string name)
    {
        var outcome = await _kit.Services.Get<BookingService>().BookAsync(new BookingRequest(_eventId, BookingKit.Form(name)), TestContext.Current.CancellationToken);
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    [Fact]
    public async Task The_most_people_waiting_at_once_stays_after_offers_and_people_leaving()
    {
        var ct = TestContext.Current.CancellationToken;
        var bookings = _kit.Services.Get<BookingService>();
        var ann = await BookAsync("Ann Example");
        await BookAsync("Bob Example");
        var cat = await BookAsync("Cat Example");
        await BookAsync("Dan Example");

        (await bookings.CancelAsync(ann.ManageToken, ct)).Succeeded.ShouldBeTrue(); // Bob is offered Ann's place.
        (await bookings.LeaveWaitlistAsync(cat.ManageToken, ct)).Succeeded.ShouldBeTrue();

        var figures = (await _kit.Figures.ForEventAsync(Actors.Organiser, _eventId, ct)).Value!;
        (figures.Waiting, figures.WaitingPeak).ShouldBe((1, 3));
        var edition = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, ct)).Value!.Editions.ShouldHaveSingleItem();
        (edition.WaitingList, edition.WaitingPeak).ShouldBe((1, 3));
    }

    [Fact]
    public async Task Approving_a_request_when_the_event_is_full_raises_the_peak()
    {
        var ct = TestContext.Current.CancellationToken;
        await BookAsync("Ann Example");
        var bob = await _kit.BookAsync(_eventId, "bob@example.org", BookingStatus.AwaitingApproval, _kit.Now);

        var attendees = _kit.Services.Get<AttendeeService>();

        (await attendees.ApproveAsync(Actors.Organiser, bob, ct)).Value.ShouldBe(BookingStatus.Waiting);
        (await attendees.CancelAsync(Actors.Organiser, bob, reason: null, ct)).Succeeded.ShouldBeTrue();

        var figures = (await _kit.Figures.ForEventAsync(Actors.Organiser, _eventId, ct)).Value!;
        (figures.Waiting, figures.WaitingPeak).ShouldBe((0, 1));
    }

    [Fact]
    public async Task Editions_from_before_the_peak_was_kept_show_at_least_the_list_as_it_is()
    {
        var ct = TestContext.Current.CancellationToken;
        await _kit.BookAsync(_eventId, "w1@example.org", BookingStatus.Waiting, _kit.Now);
        await _kit.BookAsync(_eventId, "w2@example.org", BookingStatus.Waiting, _kit.Now);

        (await _kit.Figures.ForEventAsync(Actors.Organiser, _eventId, ct)).Value!.WaitingPeak.ShouldBe(2);
        (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, ct)).Value!.Editions[0].WaitingPeak.ShouldBe(2);
    }
}
