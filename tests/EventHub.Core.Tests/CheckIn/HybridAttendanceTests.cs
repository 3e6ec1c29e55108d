using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Dashboards;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>
/// A hybrid edition that has taken place: three places in the room (two people came) and four online places. Every
/// figure that compares checked in with confirmed counts the room only, and shows the online places apart.
/// </summary>
public sealed class HybridAttendanceTests : IAsyncLifetime
{
    private DashboardKit _kit = default!;
    private int _seriesId;
    private int _eventId;
    private int _onlineId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _kit = await DashboardKit.CreateAsync();
        _seriesId = await _kit.SeriesAsync();
        var opens = _kit.Now.AddDays(-30);
        _eventId = await _kit.EventAsync(capacity: 5, opens, _kit.Now.AddDays(-2), _seriesId);
        _onlineId = await _kit.OnlineTypeAsync(_eventId);
        await _kit.BookAsync(_eventId, "ann@devon.gov.uk", BookingStatus.Confirmed, opens.AddHours(1), checkedIn: true);
        await _kit.BookAsync(_eventId, "bob@devon.gov.uk", BookingStatus.Confirmed, opens.AddHours(2), checkedIn: true);
        await _kit.BookAsync(_eventId, "cat@cornwall.gov.uk", BookingStatus.Confirmed, opens.AddHours(3));
        await _kit.BookOnlineAsync(_eventId, _onlineId, "dee@devon.gov.uk", opens.AddHours(4));
        await _kit.BookOnlineAsync(_eventId, _onlineId, "eve@devon.gov.uk", opens.AddHours(5));
        await _kit.BookOnlineAsync(_eventId, _onlineId, "fay@somerset.gov.uk", opens.AddHours(6));
        // A check-in left on an online place (from before the door refused them) counts for nobody.
        await _kit.BookOnlineAsync(_eventId, _onlineId, "gus@somerset.gov.uk", opens.AddHours(7), checkedIn: true);
    }

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task The_attendance_report_counts_the_room_and_shows_the_online_places_apart()
    {
        var report = (await _kit.Services.Get<AttendanceService>().ReportAsync(Actors.Organiser, _eventId, Ct)).Value!;

        (report.Total.Confirmed, report.Total.Attended, report.Total.NoShows).ShouldBe((3, 2, 1));
        report.Total.AttendanceRate.ShouldBe(2 / 3d);
        report.OnlineConfirmed.ShouldBe(4);
        report.ByTicketType.ShouldBe([new AttendanceRow(AttendanceService.NoTicketType, 3, 2)], "the online type has no door figures");
        report.ByOrganisation.Sum(r => r.Confirmed).ShouldBe(3);
        var csv = AttendanceService.ToCsv(report);
        csv.ShouldContain("Total,All,3,2,1,66.7");
        csv.ShouldContain("Online,Confirmed online places,4,,,");
        csv.ShouldNotContain("Ticket type,Online");
    }

    [Fact]
    public async Task The_event_and_series_dashboards_count_no_shows_and_the_attendance_rate_over_the_room()
    {
        var ev = (await _kit.Figures.ForEventAsync(Actors.Organiser, _eventId, Ct)).Value!;
        (ev.PlacesTaken, ev.Confirmed, ev.CheckedIn, ev.NoShows, ev.OnlineConfirmed).ShouldBe((3, 3, 2, 1, 4));
        ev.Organisations.Sum(d => d.Confirmed).ShouldBe(7, "every confirmed person's organisation is represented, online too");
        ev.Curve[^1].Booked.ShouldBe(3, "the sell-out curve is the room's, against the room's capacity");

        var edition = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!.Editions.ShouldHaveSingleItem();
        (edition.Confirmed, edition.CheckedIn, edition.NoShows, edition.OnlineConfirmed).ShouldBe((3, 2, 1, 4));
        edition.AttendanceRate.ShouldBe(2 / 3d);
    }

    [Fact]
    public async Task The_door_counts_lists_and_prepares_only_places_in_the_room_and_refuses_an_online_ticket()
    {
        var door = Door.ForOrganiser(Actors.Organiser);
        var checkIn = _kit.Services.Get<CheckInService>();

        (await checkIn.CountsAsync(door, _eventId, Ct)).Value.ShouldBe(new CheckInCounts(CheckedIn: 2, Confirmed: 3));
        (await checkIn.DoorListAsync(Actors.Organiser, _eventId, Ct)).Value!.Select(r => r.Name)
            .ShouldBe(["Person ann@devon.gov.uk", "Person bob@devon.gov.uk", "Person cat@cornwall.gov.uk"]);
        var pack = (await _kit.Services.Get<OfflineDoorService>().PrepareAsync(door, _eventId, Ct)).Value!;

        string deeCode;
        await using (var db = _kit.Database.CreateDbContext())
        {
            deeCode = await db.Set<Booking>().Where(b => b.Email == "dee@devon.gov.uk").Select(b => b.CheckInCode!).SingleAsync(Ct);
        }

        // The device keeps the online places too, marked, so it can refuse them with the reason rather than "not recognised".
        pack.Tickets.Where(t => !t.Online).Select(t => t.Name)
            .ShouldBe(["Person ann@devon.gov.uk", "Person bob@devon.gov.uk", "Person cat@cornwall.gov.uk"]);
        pack.Tickets.Count(t => t.Online).ShouldBe(4);
        pack.Tickets.Single(t => t.Hash == OfflineDoorService.HashOf(pack.Salt, deeCode)).Online.ShouldBeTrue();

        var scan = await checkIn.CheckInAsync(deeCode, door, _eventId, Ct);
        scan.Status.ShouldBe(CheckInStatus.NotValid);
        scan.Code.ShouldBe(CheckInErrors.OnlinePlace.Code);
        scan.Message.ShouldContain("online place");
        (await checkIn.CountsAsync(door, _eventId, Ct)).Value.ShouldBe(new CheckInCounts(CheckedIn: 2, Confirmed: 3));
    }

    [Fact]
    public async Task The_attendance_figures_are_the_same_after_the_retention_job_anonymises_the_edition()
    {
        _kit.Services.Clock.Advance(TimeSpan.FromDays(3 * 365));
        var attendance = _kit.Services.Get<AttendanceService>();
        var reportBefore = (await attendance.ReportAsync(Actors.Organiser, _eventId, Ct)).Value!;
        var eventBefore = (await _kit.Figures.ForEventAsync(Actors.Organiser, _eventId, Ct)).Value!;
        var seriesBefore = (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!;

        (await _kit.Services.Get<Anonymiser>().SweepAsync(Ct)).Anonymised.ShouldBe(1);

        var reportAfter = (await attendance.ReportAsync(Actors.Organiser, _eventId, Ct)).Value!;
        (reportAfter.Total, reportAfter.OnlineConfirmed).ShouldBe((reportBefore.Total, 4));
        reportAfter.ByTicketType.ShouldBe(reportBefore.ByTicketType);
        var eventAfter = (await _kit.Figures.ForEventAsync(Actors.Organiser, _eventId, Ct)).Value!;
        (eventAfter.Confirmed, eventAfter.CheckedIn, eventAfter.NoShows, eventAfter.OnlineConfirmed).ShouldBe((3, 2, 1, 4));
        eventAfter.ShouldBe(eventBefore with { Curve = eventAfter.Curve, Organisations = eventAfter.Organisations });
        (await _kit.Figures.ForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!.Editions.ShouldBe(seriesBefore.Editions);
    }
}
