using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// How every organiser change to bookings and their set-up runs, written once: refused unless the actor is an
/// organiser, then under the write gate with one short-lived context. The change audits itself and saves.
/// </summary>
internal sealed class OrganiserWrites(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate)
{
    public async Task<Outcome<T>> RunAsync<T>(Actor actor, Func<OrganiserWrite, Task<Outcome<T>>> change, CancellationToken ct)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<T>.Forbidden();
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await change(new OrganiserWrite(db, actor, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>Records what an organiser did that was written elsewhere (a booking added by hand).</summary>
    public Task AuditAsync(Actor actor, int eventId, int? bookingId, string action, string detail, CancellationToken ct) =>
        RunAsync(actor, async w =>
        {
            w.Audit(eventId, bookingId, action, detail);
            await w.Db.SaveChangesAsync(ct);
            return Outcome<bool>.Ok(true);
        }, ct);
}
