using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// How every organiser change to bookings and their set-up runs, written once: refused unless the actor is an
/// organiser whose role on the event allows the change, then under the write gate with one short-lived context.
/// The change audits itself and saves.
/// </summary>
/// <param name="setup">Given when the changes are to the event's booking set-up: a change that succeeded is announced to it.</param>
internal sealed class OrganiserWrites(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate, BookingSetupCache? setup = null)
{
    /// <summary>
    /// Runs a change to one event's bookings or set-up once the actor's role on that event allows
    /// <paramref name="permission"/>: not found (<paramref name="notFound"/>) to an organiser on none of its teams.
    /// </summary>
    public Task<Outcome<T>> RunAsync<T>(
        Actor actor, int eventId, Permission permission, Func<OrganiserWrite, Task<Outcome<T>>> change, CancellationToken ct, Refusal? notFound = null) =>
        RunAsync(actor, (_, _) => Task.FromResult<int?>(eventId), permission, change, ct, notFound);

    /// <summary>
    /// Runs a change to a row of an event (a booking, say): the event is resolved from the row by
    /// <paramref name="eventOf"/> (null when the row does not exist), never taken from the caller.
    /// </summary>
    public async Task<Outcome<T>> RunAsync<T>(
        Actor actor, Func<EventHubDbContext, CancellationToken, Task<int?>> eventOf, Permission permission,
        Func<OrganiserWrite, Task<Outcome<T>>> change, CancellationToken ct, Refusal? notFound = null)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<T>.Forbidden();
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var eventId = await eventOf(db, ct);
        if (eventId is null)
        {
            return Outcome<T>.NotFound(notFound ?? BookingErrors.EventGone);
        }

        if (await EventAccess.CheckAsync(db, actor, eventId.Value, permission, ct, notFound ?? BookingErrors.EventGone) is { } refusal)
        {
            return Outcome<T>.Refused(refusal);
        }

        var outcome = await change(new OrganiserWrite(db, actor, clock.GetUtcNow().UtcDateTime));
        if (outcome.Succeeded)
        {
            setup?.Changed(eventId.Value);
        }

        return outcome;
    }

    /// <summary>The event a booking belongs to, for <see cref="RunAsync{T}(Actor, Func{EventHubDbContext, CancellationToken, Task{int?}}, Permission, Func{OrganiserWrite, Task{Outcome{T}}}, CancellationToken, Refusal?)"/>.</summary>
    public static Func<EventHubDbContext, CancellationToken, Task<int?>> EventOfBooking(int bookingId) =>
        (db, ct) => db.Set<Booking>().Where(b => b.Id == bookingId).Select(b => (int?)b.EventId).FirstOrDefaultAsync(ct);

    /// <summary>Records what an organiser did that was written elsewhere (a booking added by hand).</summary>
    public Task AuditAsync(Actor actor, int eventId, int? bookingId, string action, string detail, CancellationToken ct) =>
        RunAsync(actor, eventId, Permission.Edit, async w =>
        {
            w.Audit(eventId, bookingId, action, detail);
            await w.Db.SaveChangesAsync(ct);
            return Outcome<bool>.Ok(true);
        }, ct);
}
