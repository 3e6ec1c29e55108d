using EventHub.Core.Bookings;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Reading the audit log of organiser actions: the event's owners and administrators, a page at a time.</summary>
public sealed class BookingAuditLogTests
{
    [Fact]
    public async Task The_audit_log_is_paged_newest_first_for_the_events_owner_and_administrators_only()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        await Teams.StoreAsync(kit.Database, Actors.Editor);
        await Teams.StoreAsync(kit.Database, Actors.Stranger);
        await Teams.JoinEventAsync(kit.Database, Actors.Editor, kit.EventId, TeamRole.Editor);
        for (var i = 0; i < 30; i++)
        {
            await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, $"Type {i:00}", "", null, false);
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        foreach (var reader in new[] { Actors.Admin, Actors.Organiser })
        {
            var page = await kit.AuditLog.PageAsync(reader, new AuditLogQuery(kit.EventId, Page: 1, PageSize: 25));

            page.TotalCount.ShouldBe(30);
            page.Items.Select(a => a.Detail).ShouldBe(Enumerable.Range(0, 5).Reverse().Select(i => $"Saved ticket type \"Type {i:00}\""));
        }

        foreach (var other in new[] { Actors.Editor, Actors.Stranger })
        {
            var page = await kit.AuditLog.PageAsync(other, new AuditLogQuery(kit.EventId));

            page.Items.ShouldBeEmpty();
            page.TotalCount.ShouldBe(0);
        }
    }

    [Fact]
    public async Task An_owner_pages_through_five_thousand_entries_fifty_at_a_time()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var start = kit.Clock.GetUtcNow().UtcDateTime;
        await using (var db = kit.Database.CreateDbContext())
        {
            db.AddRange(Enumerable.Range(0, 5000).Select(i => new BookingAuditEntry
            {
                EventId = kit.EventId, ActorId = "organiser-1", ActorName = "Olive Organiser", Action = "test", Detail = $"Entry {i:0000}", AtUtc = start.AddSeconds(i),
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var first = await kit.AuditLog.PageAsync(Actors.Organiser, new AuditLogQuery(kit.EventId, Page: 0, PageSize: 50));
        var last = await kit.AuditLog.PageAsync(Actors.Organiser, new AuditLogQuery(kit.EventId, Page: 99, PageSize: 50));

        first.TotalCount.ShouldBe(5000);
        first.Items.Count.ShouldBe(50);
        first.Items[0].Detail.ShouldBe("Entry 4999");
        last.Items.Count.ShouldBe(50);
        last.Items[^1].Detail.ShouldBe("Entry 0000");
    }
}
