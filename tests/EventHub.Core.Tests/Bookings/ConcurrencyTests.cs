using EventHub.Core.Bookings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Hundreds of simultaneous bookings on a real SQLite file: the counters must never pass the capacity.</summary>
public sealed class ConcurrencyTests
{
    private const int Bookers = 200;

    private static Task<T[]> FireAsync<T>(Func<int, Task<T>> book) =>
        Task.WhenAll(Enumerable.Range(0, Bookers).Select(i => Task.Run(() => book(i))));

    [Fact]
    public async Task Two_hundred_people_booking_fifty_places_at_once_get_exactly_fifty_places_and_one_hundred_and_fifty_waiting()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 50);

        var results = await FireAsync(i => kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Person {i}"))));

        results.ShouldAllBe(r => r.Succeeded);
        results.Count(r => r.Value!.Status == BookingStatus.Confirmed).ShouldBe(50);
        results.Count(r => r.Value!.Status == BookingStatus.Waiting).ShouldBe(150);
        results.Where(r => r.Value!.Status == BookingStatus.Waiting).Select(r => r.Value!.WaitlistPosition).OrderBy(p => p)
            .ShouldBe(Enumerable.Range(1, 150).Select(p => (int?)p));
        var rows = await kit.AllBookingsAsync();
        rows.Count.ShouldBe(Bookers);
        rows.Count(b => b.Status == BookingStatus.Confirmed).ShouldBe(50);
        rows.Select(b => b.NormalisedEmail).Distinct().Count().ShouldBe(Bookers);
        rows.Select(b => b.Reference).Distinct().Count().ShouldBe(Bookers);
        rows.Select(b => b.CheckInCode).Distinct().Count().ShouldBe(Bookers);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(50);
        (await kit.OutboxAsync()).Count.ShouldBe(Bookers);
    }

    [Fact]
    public async Task Bookings_arriving_after_the_writer_has_gone_idle_and_stopped_are_still_written()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 50);
        var first = await FireAsync(i => kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Early {i}"))));

        // Longer than the writer thread waits for more work before it ends.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Xunit.TestContext.Current.CancellationToken);
        var second = await FireAsync(i => kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Late {i}"))));

        first.Concat(second).ShouldAllBe(r => r.Succeeded);
        second.Count(r => r.Value!.Status == BookingStatus.Waiting).ShouldBe(Bookers);
        (await kit.AllBookingsAsync()).Count.ShouldBe(2 * Bookers);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(50);
    }

    [Fact]
    public async Task Without_the_in_process_gate_the_conditional_update_alone_still_never_oversells()
    {
        // Two app instances on one file (each with its own gate) stand in for a scaled-out deployment.
        await using var kit = await BookingKit.CreateAsync(capacity: 50);
        using var otherGate = new BookingWriteGate();
        var other = new BookingService(kit.Database, kit.Clock, otherGate);

        var results = await FireAsync(i => (i % 2 == 0 ? kit.Bookings : other).BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Person {i}"))));

        results.Count(r => r.Value?.Status == BookingStatus.Confirmed).ShouldBe(50);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(50);
        (await kit.AllBookingsAsync()).Count(b => b.Status == BookingStatus.Confirmed).ShouldBe(50);
    }

    [Fact]
    public async Task The_same_email_booking_many_times_at_once_gets_one_booking()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 50);

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Example", i % 2 == 0 ? "ann@devon.gov.uk" : " ANN@devon.gov.uk"))))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.ErrorCode == BookingErrors.AlreadyBooked.Code);
        (await kit.AllBookingsAsync()).ShouldHaveSingleItem();
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task A_repeated_email_among_many_simultaneous_bookers_refuses_only_the_repeats()
    {
        // Writes are grouped into shared transactions; a duplicate in a group must not cost anyone else their place.
        await using var kit = await BookingKit.CreateAsync(capacity: 50);

        var results = await Task.WhenAll(Enumerable.Range(0, 170).Select(i => Task.Run(() =>
            kit.Bookings.BookAsync(new BookingRequest(kit.EventId, i % 8 == 0
                ? BookingKit.Form("Ann Example", "ann@devon.gov.uk")
                : BookingKit.Form($"Person {i}"))))));

        var repeats = Enumerable.Range(0, 170).Count(i => i % 8 == 0);
        results.Count(r => !r.Succeeded).ShouldBe(repeats - 1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.ErrorCode == BookingErrors.AlreadyBooked.Code);
        var rows = await kit.AllBookingsAsync();
        rows.Count.ShouldBe(170 - repeats + 1);
        rows.Count(b => b.Status == BookingStatus.Confirmed).ShouldBe(50);
        results.Where(r => r.Value?.Status == BookingStatus.Waiting).Select(r => r.Value!.WaitlistPosition).OrderBy(p => p)
            .ShouldBe(Enumerable.Range(1, rows.Count - 50).Select(p => (int?)p));
        (await kit.EventAsync()).PlacesTaken.ShouldBe(50);
        (await kit.OutboxAsync()).Count(m => m.UnrequestedTo == null).ShouldBe(rows.Count);
        // Each repeat sends Ann her own link, up to the daily cap on mail she did not ask for.
        (await kit.OutboxAsync(BookingTemplates.BookingLinkResent)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task Two_hundred_people_choosing_a_fifty_place_session_get_exactly_fifty_session_places()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 500);
        var workshop = await kit.AddSessionAsync(capacity: 50);

        var results = await FireAsync(i =>
        {
            var form = BookingKit.Form($"Person {i}");
            form.SessionIds = [workshop];
            return kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form));
        });

        results.ShouldAllBe(r => r.Succeeded && r.Value!.Status == BookingStatus.Confirmed);
        await using var db = kit.Database.CreateDbContext();
        var places = await db.Set<SessionBooking>().Where(s => s.SessionId == workshop).ToListAsync();
        places.Count(s => s.Status == SessionBookingStatus.Confirmed).ShouldBe(50);
        places.Count(s => s.Status == SessionBookingStatus.Waiting).ShouldBe(150);
        places.Select(s => s.BookingId).Distinct().Count().ShouldBe(Bookers);
        (await db.Sessions.FirstAsync(s => s.Id == workshop)).PlacesTaken.ShouldBe(50);
    }

    [Fact]
    public async Task Two_hundred_people_booking_a_fifty_place_ticket_type_get_exactly_fifty_of_that_type()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 500);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", 50, false)).Value!;

        var results = await FireAsync(i => kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Person {i}", ticket: staff.Id))));

        results.Count(r => r.Value!.Status == BookingStatus.Confirmed).ShouldBe(50);
        results.Count(r => r.Value!.Status == BookingStatus.Waiting).ShouldBe(150);
        await using var db = kit.Database.CreateDbContext();
        (await db.Set<TicketType>().FirstAsync(t => t.Id == staff.Id)).PlacesTaken.ShouldBe(50);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(50);
    }

    [Fact]
    public async Task Fills_running_at_once_on_several_nodes_promote_each_waiting_person_once()
    {
        // On SQLite one writer runs at a time; on PostgreSQL nodes fill the waiting list in parallel transactions that
        // each read the list before taking places, which used to promote the same person twice (two places, two mails).
        Assert.SkipWhen(TestDatabase.Provider != EventHub.Core.Data.DatabaseProvider.PostgreSql, "Runs in the PostgreSQL pass (EVENTHUB_TEST_PROVIDER=PostgreSql).");
        await using var kit = await BookingKit.CreateAsync(capacity: 2);
        for (var i = 0; i < 6; i++)
        {
            await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form($"Person {i}")));
        }

        for (var round = 0; round < 5; round++)
        {
            // Free places beyond the waiting list (as a raised capacity leaves them) while four people wait.
            await using (var db = kit.Database.CreateDbContext())
            {
                await db.Set<EventHub.Core.Events.Event>().Where(e => e.Id == kit.EventId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 40 + round), TestContext.Current.CancellationToken);
                await db.Set<Booking>().Where(b => b.EventId == kit.EventId && b.Status == BookingStatus.Offered)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Waiting), TestContext.Current.CancellationToken);
                var waitingNow = await db.Set<Booking>().CountAsync(b => b.EventId == kit.EventId && b.Status == BookingStatus.Waiting, TestContext.Current.CancellationToken);
                await db.Set<EventHub.Core.Events.Event>().Where(e => e.Id == kit.EventId)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.PlacesTaken, 2), TestContext.Current.CancellationToken);
                waitingNow.ShouldBe(4);
            }

            var outboxBefore = (await kit.OutboxAsync()).Count;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                await using var db = kit.Database.CreateDbContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                await Lifecycle.FillEventAsync(db, kit.EventId, kit.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
                await tx.CommitAsync();
            })));

            (await kit.EventAsync()).PlacesTaken.ShouldBe(6, $"round {round}: one place for each of the four waiting");
            (await kit.AllBookingsAsync()).Count(b => b.Status == BookingStatus.Offered).ShouldBe(4);
            ((await kit.OutboxAsync()).Count - outboxBefore).ShouldBe(4, $"round {round}: one offer mail each");
        }
    }
}
