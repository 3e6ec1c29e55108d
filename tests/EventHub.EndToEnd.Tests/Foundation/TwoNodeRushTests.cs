using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Tests.Email;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.EndToEnd.Tests.Foundation;

/// <summary>
/// Two real app hosts (each with its own services, background jobs and outbox workers) on one PostgreSQL database,
/// mail to a real SMTP listener: the rush a national body's event meets, spread across both nodes.
/// </summary>
public sealed class TwoNodeRushTests
{
    private const int Places = 100;
    private const int Bookers = 500;

    [Fact]
    public async Task Five_hundred_bookings_for_a_hundred_places_across_two_nodes_confirm_exactly_a_hundred_each_mailed_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var smtp = await SmtpListener.StartAsync();
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = MailSettings.For(smtp, database.NodeSettings());
        await using var nodeA = new AppHost(settings);
        await using var nodeB = new AppHost(settings);
        var eventId = await nodeA.PublishedEventAsync("National Digital Summit", Places);

        var nodes = new[] { nodeA.Service<BookingService>(), nodeB.Service<BookingService>() };
        var results = await Task.WhenAll(Enumerable.Range(0, Bookers).Select(i => Task.Run(() =>
            nodes[i % 2].BookAsync(new BookingRequest(eventId, Form(i)), ct), ct)));

        results.ShouldAllBe(r => r.Succeeded);
        results.Count(r => r.Value!.Status == BookingStatus.Confirmed).ShouldBe(Places);
        results.Count(r => r.Value!.Status == BookingStatus.Waiting).ShouldBe(Bookers - Places);

        await using var db = await nodeB.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(ct);
        (await db.Events.SingleAsync(e => e.Id == eventId, ct)).PlacesTaken.ShouldBe(Places);
        var bookings = await db.Set<Booking>().AsNoTracking().Where(b => b.EventId == eventId).ToListAsync(ct);
        bookings.Count.ShouldBe(Bookers);
        bookings.Count(b => b.Status == BookingStatus.Confirmed).ShouldBe(Places);

        // The people waiting are in the order they booked, and each sees a position of their own, 1 to 400.
        var waiting = bookings.Where(b => b.Status == BookingStatus.Waiting).OrderBy(b => b.WaitlistRank).ThenBy(b => b.Id).ToList();
        waiting.Select(b => b.CreatedUtc).ShouldBeInOrder(SortDirection.Ascending);
        var tokens = results.ToDictionary(r => r.Value!.BookingId, r => r.Value!.ManageToken);
        var positions = new List<int?>();
        foreach (var b in waiting)
        {
            positions.Add((await nodes[b.Id % 2].GetByTokenAsync(tokens[b.Id], ct))!.WaitlistPosition);
        }

        positions.ShouldBe(Enumerable.Range(1, Bookers - Places).Select(p => (int?)p));

        // Both nodes deliver the outbox; every message goes out once, and each confirmed booking has one confirmation.
        var outbox = await DeliveredAsync(db, eventId, ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // room for a message sent twice to arrive
        var received = smtp.Received.Select(m => m.MessageId).ToList();
        outbox.Where(m => m.Status != OutboxStatus.Sent).Select(m => $"{m.Id} {m.Template} {m.Status} attempts {m.Attempts} claim {m.ClaimToken} next {m.NextAttemptUtc:O} subject {m.Subject}: {m.LastError}").ShouldBeEmpty(
            $"received {received.Count}, distinct {received.Distinct().Count()}");
        received.Count.ShouldBe(Bookers);
        received.Distinct().Count().ShouldBe(Bookers, "no message may be sent twice");

        var confirmations = outbox.Where(m => m.Template == BookingTemplates.BookingConfirmed).ToList();
        confirmations.Select(m => m.ToEmail).Order()
            .ShouldBe(bookings.Where(b => b.Status == BookingStatus.Confirmed).Select(b => b.Email).Order());
        confirmations.ShouldAllBe(m => received.Count(id => id == m.MessageId) == 1);
        outbox.Where(m => m.Template == BookingTemplates.WaitlistJoined).Count().ShouldBe(Bookers - Places);
    }

    /// <summary>The event's outbox once every row is marked sent (or after three minutes, for the assertions to explain).</summary>
    private static async Task<List<OutboxMessage>> DeliveredAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var outbox = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.EventId == eventId).ToListAsync(ct);
            if (outbox.Count > 0 && outbox.All(m => m.Status == OutboxStatus.Sent) || DateTime.UtcNow > deadline)
            {
                return outbox;
            }

            await Task.Delay(200, ct);
        }
    }

    private static BookingForm Form(int i) => new()
    {
        Name = $"Person {i}",
        Email = $"person{i}@devon.gov.uk",
        Organisation = "Devon County Council",
        PrivacyConsent = true,
    };
}
