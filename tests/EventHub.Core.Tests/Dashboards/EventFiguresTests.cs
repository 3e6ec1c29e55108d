using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Dashboards;

public sealed class EventFiguresTests : IAsyncLifetime
{
    private DashboardKit _kit = default!;

    public async ValueTask InitializeAsync() => _kit = await DashboardKit.CreateAsync();

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task The_event_figures_count_places_door_and_organisations_and_draw_the_curve_in_the_event_zone()
    {
        // Helsinki is two hours ahead in November: booking opened at 01:00 local, it is now 11:00 local.
        var opens = _kit.Now.AddHours(-10);
        var eventId = await _kit.EventAsync(capacity: 5, opens, _kit.Now.AddDays(2), zone: "Europe/Helsinki");
        await _kit.BookAsync(eventId, "early@devon.gov.uk", BookingStatus.Confirmed, opens.AddDays(-2));
        await _kit.BookAsync(eventId, "a@devon.gov.uk", BookingStatus.Confirmed, opens.AddMinutes(30), checkedIn: true);
        await _kit.BookAsync(eventId, "B@Devon.gov.uk", BookingStatus.Confirmed, opens.AddHours(1));
        await _kit.BookAsync(eventId, "c@cornwall.gov.uk", BookingStatus.Confirmed, opens.AddHours(1).AddMinutes(10));
        await _kit.BookAsync(eventId, "z@devon.gov.uk", BookingStatus.Cancelled, opens.AddHours(2));
        await _kit.BookAsync(eventId, "d@somerset.gov.uk", BookingStatus.Offered, opens.AddHours(4));
        await _kit.BookAsync(eventId, "w1@example.org", BookingStatus.Waiting, opens.AddHours(5));
        await _kit.BookAsync(eventId, "w2@example.org", BookingStatus.Waiting, opens.AddHours(5).AddMinutes(20));

        var figures = (await _kit.Figures.ForEventAsync(Actors.Organiser, eventId, TestContext.Current.CancellationToken)).Value!;

        (figures.Capacity, figures.PlacesTaken, figures.Confirmed, figures.CheckedIn, figures.NoShows, figures.Waiting).ShouldBe((5, 5, 4, 1, 3, 2));
        figures.Step.ShouldBe(CurveStep.Hour);
        figures.Curve.Count.ShouldBe(11);
        figures.Curve[0].ShouldBe(new CurvePoint(new DateTime(2026, 11, 2, 1, 0, 0), 2, 0));
        figures.Curve[1].ShouldBe(new CurvePoint(new DateTime(2026, 11, 2, 2, 0, 0), 4, 0));
        figures.Curve[4].ShouldBe(new CurvePoint(new DateTime(2026, 11, 2, 5, 0, 0), 5, 0));
        figures.Curve[5].ShouldBe(new CurvePoint(new DateTime(2026, 11, 2, 6, 0, 0), 5, 2));
        figures.Curve[^1].ShouldBe(new CurvePoint(new DateTime(2026, 11, 2, 11, 0, 0), 5, 2));
        figures.Organisations.ShouldBe([new DomainCount("devon.gov.uk", 3), new DomainCount("cornwall.gov.uk", 1)]);
    }

    [Fact]
    public async Task Viewers_read_the_figures_strangers_are_told_there_is_no_such_event_and_the_public_must_sign_in()
    {
        var eventId = await _kit.EventAsync(capacity: 5, _kit.Now.AddDays(-1), _kit.Now.AddDays(2));
        await Teams.JoinEventAsync(_kit.Database, Actors.Viewer, eventId, TeamRole.Viewer);
        var ct = TestContext.Current.CancellationToken;

        (await _kit.Figures.ForEventAsync(Actors.Viewer, eventId, ct)).Succeeded.ShouldBeTrue();
        var stranger = await _kit.Figures.ForEventAsync(Actors.Stranger, eventId, ct);
        stranger.IsNotFound.ShouldBeTrue();
        stranger.Message.ShouldBe(DashboardErrors.EventNotFound.Message);
        (await _kit.Figures.ForEventAsync(Actor.Anonymous, eventId, ct)).IsForbidden.ShouldBeTrue();
        (await _kit.Figures.ForEventAsync(Actors.Organiser, eventId + 1000, ct)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Five_thousand_bookings_are_counted_by_the_database_into_daily_steps()
    {
        var opens = _kit.Now.AddDays(-20);
        var eventId = await _kit.EventAsync(capacity: 4000, opens, _kit.Now.AddDays(5), zone: "Etc/UTC");
        await using (var db = _kit.Database.CreateDbContext())
        {
            for (var i = 0; i < 5000; i++)
            {
                var status = i < 4000 ? BookingStatus.Confirmed : BookingStatus.Waiting;
                var domain = i % 4 == 0 ? "cornwall.gov.uk" : "devon.gov.uk";
                db.Add(DashboardKit.NewBooking(eventId, $"p{i}@{domain}", status, opens.AddMinutes(i * 5)));
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.PlacesTaken, 4000), TestContext.Current.CancellationToken);
        }

        var figures = (await _kit.Figures.ForEventAsync(Actors.Organiser, eventId, TestContext.Current.CancellationToken)).Value!;

        figures.Step.ShouldBe(CurveStep.Day);
        figures.Curve.Count.ShouldBe(21);
        figures.Curve[0].ShouldBe(new CurvePoint(opens.Date, 180, 0), "15 hours of the opening day at 12 bookings an hour");
        figures.Curve[^1].ShouldBe(new CurvePoint(_kit.Now.Date, 4000, 1000));
        figures.Curve.Select(p => p.Booked + p.Waiting).ShouldBeInOrder();
        figures.Organisations.ShouldBe([new DomainCount("devon.gov.uk", 3000), new DomainCount("cornwall.gov.uk", 1000)]);
    }

    [Fact]
    public async Task A_hybrid_event_counts_its_online_places_against_the_sum_of_its_online_quotas_and_a_room_only_event_has_none()
    {
        var ct = TestContext.Current.CancellationToken;
        var eventId = await _kit.EventAsync(capacity: 5, _kit.Now.AddDays(-3), _kit.Now.AddDays(2));
        var roomOnly = await _kit.EventAsync(capacity: 5, _kit.Now.AddDays(-3), _kit.Now.AddDays(2));
        var other = await _kit.EventAsync(capacity: 5, _kit.Now.AddDays(-3), _kit.Now.AddDays(2));
        var first = await _kit.OnlineTypeAsync(eventId, places: 30);
        var second = await _kit.OnlineTypeAsync(eventId, places: 20);
        var elsewhere = await _kit.OnlineTypeAsync(other, places: 100);
        await _kit.BookAsync(eventId, "room@devon.gov.uk", BookingStatus.Confirmed, _kit.Now.AddDays(-2));
        await _kit.BookOnlineAsync(eventId, first, "o1@devon.gov.uk", _kit.Now.AddDays(-2));
        await _kit.BookOnlineAsync(eventId, second, "o2@devon.gov.uk", _kit.Now.AddDays(-2));
        await _kit.BookOnlineAsync(eventId, second, "o3@devon.gov.uk", _kit.Now.AddDays(-2));
        await _kit.BookOnlineAsync(other, elsewhere, "x@devon.gov.uk", _kit.Now.AddDays(-2));

        var hybrid = (await _kit.Figures.ForEventAsync(Actors.Organiser, eventId, ct)).Value!;
        var room = (await _kit.Figures.ForEventAsync(Actors.Organiser, roomOnly, ct)).Value!;

        hybrid.OnlinePlaces.ShouldBe(new OnlinePlacesTaken(3, 50));
        (hybrid.Capacity, hybrid.PlacesTaken).ShouldBe((5, 1));
        room.OnlinePlaces.ShouldBeNull();
    }
}
