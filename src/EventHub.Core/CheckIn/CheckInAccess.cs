using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

/// <summary>
/// The guard every organiser-facing check-in use case starts with: only a signed-in organiser, and only with
/// <c>permission</c> on the event (an event they are on no team of is "not found").
/// </summary>
internal static class CheckInAccess
{
    public static async Task<Refusal?> CheckAsync(EventHubDbContext db, Actor actor, int eventId, Permission permission, CancellationToken ct) =>
        actor.IsOrganiser
            ? await EventAccess.CheckAsync(db, actor, eventId, permission, ct, CheckInErrors.EventNotFound)
            : CheckInErrors.Forbidden;

    /// <summary>
    /// Reads something for an organiser page after the guard, handing the reader the event's time zone for showing
    /// times (the undo history, the conflicts between offline doors).
    /// </summary>
    public static async Task<Outcome<T>> ReadAsync<T>(
        IDbContextFactory<EventHubDbContext> dbFactory, Actor actor, int eventId, Permission permission,
        Func<EventHubDbContext, string, Task<T>> read, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckAsync(db, actor, eventId, permission, ct) is { } refusal)
        {
            return Outcome<T>.Refused(refusal);
        }

        var zone = await db.Events.Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstAsync(ct);
        return Outcome<T>.Ok(await read(db, zone));
    }
}
