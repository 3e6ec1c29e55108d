using EventHub.Core.Bookings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Reading the audit log of organiser actions.</summary>
public sealed class BookingAuditLogTests
{
    [Fact]
    public async Task The_audit_log_is_paged_newest_first_and_only_for_administrators()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        for (var i = 0; i < 30; i++)
        {
            await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, $"Type {i:00}", "", null, false);
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await kit.AuditLog.PageAsync(Actors.Admin, new AuditLogQuery(kit.EventId, Page: 1, PageSize: 25));

        page.TotalCount.ShouldBe(30);
        page.Items.Select(a => a.Detail).ShouldBe(Enumerable.Range(0, 5).Reverse().Select(i => $"Saved ticket type \"Type {i:00}\""));
        (await kit.AuditLog.PageAsync(Actors.Organiser, new AuditLogQuery(kit.EventId))).Items.ShouldBeEmpty();
    }
}
