using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Core.Events.Access;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Dashboards;

public sealed class SeriesFiguresTests : IAsyncLifetime
{
    private DashboardKit _kit = default!;
    private int _seriesId;
    private int[] _editions = [];

    public async ValueTask InitializeAsync()
    {
        _kit = await DashboardKit.CreateAsync();
        _seriesId = await _kit.SeriesAsync();
        var first = await EditionAsync(capacity: 2, new DateTime(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));
        var second = await EditionAsync(capacity: 3, new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc));
        var third = await EditionAsync(capacity: 10, new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));
        _editions = [first.Id, second.Id, third.Id];

        await _kit.BookAsync(first.Id, "ann@devon.gov.uk", BookingStatus.Confirmed, first.Opens.AddHours(1), checkedIn: true);
        await _kit.BookAsync(first.Id, "bob@devon.gov.uk", BookingStatus.Confirmed, first.Opens.AddDays(2));
        await _kit.BookAsync(first.Id, "wes@cornwall.gov.uk", BookingStatus.Waiting, first.Opens.AddDays(3));

        await _kit.BookAsync(second.Id, "ANN@Devon.gov.uk", BookingStatus.Confirmed, second.Opens.AddHours(1), checkedIn: true);
        await _kit.BookAsync(second.Id, "cat@cornwall.gov.uk", BookingStatus.Confirmed, second.Opens.AddHours(2), checkedIn: true);
        await _kit.BookAsync(second.Id, "bob@devon.gov.uk", BookingStatus.Cancelled, second.Opens.AddHours(3));

        await _kit.BookAsync(third.Id, "bob@devon.gov.uk", BookingStatus.Confirmed, third.Opens.AddHours(1));
        await _kit.BookAsync(third.Id, "cat@cornwall.gov.uk", BookingStatus.Confirmed, third.Opens.AddHours(2));
        await _kit.BookAsync(third.Id, "dan@somerset.gov.uk", BookingStatus.Confirmed, third.Opens.AddHours(3));
        await _kit.BookAsync(third.Id, "wes@cornwall.gov.uk", BookingStatus.Confirmed, third.Opens.AddHours(4));
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task Each_edition_shows_places_sell_out_time_waiting_list_attendance_and_people_who_booked_before()
    {
        var figures = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, TestContext.Current.CancellationToken)).Value!;

        figures.Editions.Select(e => e.EventId).ShouldBe(_editions);
        var (first, second, third) = (figures.Editions[0], figures.Editions[1], figures.Editions[2]);
        (first.Capacity, first.PlacesTaken, first.Confirmed, first.CheckedIn, first.NoShows, first.WaitingList).ShouldBe((2, 2, 2, 1, 1, 1));
        first.SoldOutAfter.ShouldBe(TimeSpan.FromDays(2));
        first.AttendanceRate.ShouldBe(0.5);
        first.RepeatAttendees.ShouldBe(0);

        (second.Confirmed, second.CheckedIn, second.NoShows, second.WaitingList).ShouldBe((2, 2, 0, 0));
        second.SoldOutAfter.ShouldBeNull();
        second.AttendanceRate.ShouldBe(1.0);
        second.RepeatAttendees.ShouldBe(1, "Ann booked the first edition (in other letter case); Bob's booking was cancelled");

        third.HasStarted.ShouldBeFalse();
        third.AttendanceRate.ShouldBeNull();
        third.Confirmed.ShouldBe(4);
        third.RepeatAttendees.ShouldBe(2, "Bob and Cat booked before; Wes was only on a waiting list; Dan is new");
    }

    [Fact]
    public async Task Series_viewers_read_the_figures_and_strangers_are_told_there_is_no_such_series()
    {
        await Teams.JoinSeriesAsync(_kit.Database, Actors.Viewer, _seriesId, TeamRole.Viewer);
        var ct = TestContext.Current.CancellationToken;

        (await _kit.Figures.ForSeriesAsync(Actors.Viewer, _seriesId, ct)).Succeeded.ShouldBeTrue();
        var stranger = await _kit.Figures.ForSeriesAsync(Actors.Stranger, _seriesId, ct);
        stranger.IsNotFound.ShouldBeTrue();
        stranger.Message.ShouldBe(DashboardErrors.SeriesNotFound.Message);
        (await _kit.Figures.ForSeriesAsync(Actor.Anonymous, _seriesId, ct)).IsForbidden.ShouldBeTrue();
        (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId + 1000, ct)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task The_figures_survive_the_retention_job()
    {
        var ct = TestContext.Current.CancellationToken;
        _kit.Services.Clock.Advance(TimeSpan.FromDays(3 * 365));
        var before = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, ct)).Value!;
        var eventBefore = (await _kit.Figures.ForEventAsync(Actors.Organiser, _editions[2], ct)).Value!;

        (await _kit.Services.Get<Anonymiser>().SweepAsync(ct)).Anonymised.ShouldBe(3);

        var after = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, ct)).Value!;
        after.Editions.ShouldBe(before.Editions);
        var eventAfter = (await _kit.Figures.ForEventAsync(Actors.Organiser, _editions[2], ct)).Value!;
        eventAfter.ShouldBe(eventBefore with { Curve = eventAfter.Curve, Organisations = eventAfter.Organisations });
        eventAfter.Curve.ShouldBe(eventBefore.Curve);
        eventAfter.Organisations.ShouldBe(eventBefore.Organisations);
    }

    private async Task<(int Id, DateTime Opens)> EditionAsync(int capacity, DateTime opens, DateTime start) =>
        (await _kit.EventAsync(capacity, opens, start, _seriesId), opens);
}
