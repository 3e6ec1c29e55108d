using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>
/// After the day belongs to those who edit the event. Every organiser-side use case resolves the event from the row it
/// is given (session, material, write-up) and asks here: an organiser on none of the event's teams is told the row
/// could not be found, one whose role does not allow it is told so.
/// </summary>
internal static class ProceedingsAccess
{
    public const Permission AfterTheDay = Permission.Edit;

    public static Task<Refusal?> CheckAsync(EventHubDbContext db, Actor actor, int eventId, CancellationToken ct, Refusal? notFound = null) =>
        EventAccess.CheckAsync(db, actor, eventId, AfterTheDay, ct, notFound ?? ProceedingsErrors.EventNotFound);

    /// <summary>
    /// For a row addressed by id: <paramref name="missing"/> when it does not exist (<paramref name="eventId"/> is null)
    /// or the actor is on none of its event's teams, so the two look the same.
    /// </summary>
    public static async Task<Refusal?> CheckRowAsync(EventHubDbContext db, Actor actor, int? eventId, Refusal missing, CancellationToken ct) =>
        eventId is { } id ? await CheckAsync(db, actor, id, ct, missing) : missing;

    /// <summary>
    /// A change to the event's after-the-day settings by an organiser already checked as one: the role check, then
    /// <paramref name="apply"/> on the settings row (made when the event has none yet), saved; <paramref name="result"/>
    /// is what the use case answers.
    /// </summary>
    public static async Task<Outcome<T>> UpdateSettingsAsync<T>(
        IDbContextFactory<EventHubDbContext> dbFactory, Actor actor, int eventId, Action<ProceedingsSettings> apply, T result, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckAsync(db, actor, eventId, ct) is { } refusal)
        {
            return Outcome<T>.Refused(refusal);
        }

        apply(await ProceedingsService.SettingsForUpdateAsync(db, eventId, ct));
        await db.SaveChangesAsync(ct);
        return Outcome<T>.Ok(result);
    }

    /// <summary>For reads that show nothing rather than refuse.</summary>
    public static async Task<bool> MayAsync(EventHubDbContext db, Actor actor, int eventId, CancellationToken ct) =>
        await CheckAsync(db, actor, eventId, ct) is null;

    /// <summary>
    /// The session (tracked) an organiser-side use case acts on, or why not: <paramref name="notOrganiser"/> for someone
    /// not signed in as an organiser, "session not found" when it does not exist or the actor is on none of its event's
    /// teams, and the role's refusal when it does not allow after-the-day work.
    /// </summary>
    public static async Task<SessionCheck> SessionAsync(EventHubDbContext db, Actor actor, int sessionId, Refusal notOrganiser, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsOrganiser)
        {
            return new SessionCheck(null, notOrganiser);
        }

        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        return await CheckRowAsync(db, actor, session?.EventId, ProceedingsErrors.SessionNotFound, ct) is { } refusal
            ? new SessionCheck(null, refusal)
            : new SessionCheck(session, null);
    }
}
