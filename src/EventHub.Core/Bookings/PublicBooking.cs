using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>Reads for the public booking pages (no sign-in).</summary>
public sealed class PublicBooking(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, PriorityAccess? priorityAccess = null, BookingSetupCache? setup = null)
{
    // The form's reads are compiled once per model: the booking form is the busiest uncached page of a rush, and EF
    // translating each read's expression again was most of the form's own CPU (docs/benchmarks.md, round 10).
    private static readonly CompiledPerModel<Func<EventHubDbContext, string, CancellationToken, Task<Event?>>> ShownEvent = new(
        () => EF.CompileAsyncQuery((EventHubDbContext db, string slug, CancellationToken ct) => db.Set<Event>().AsNoTracking().Include(e => e.Series)
            .Where(e => e.Slug == slug && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed || e.Status == EventStatus.Cancelled))
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<EventHubDbContext, string, CancellationToken, Task<int?>>> ShownEventId = new(
        () => EF.CompileAsyncQuery((EventHubDbContext db, string slug, CancellationToken ct) => db.Set<Event>()
            .Where(e => e.Slug == slug && (e.Status == EventStatus.Published || e.Status == EventStatus.Completed || e.Status == EventStatus.Cancelled))
            .Select(e => (int?)e.Id)
            .FirstOrDefault()));

    private static readonly CompiledPerModel<Func<EventHubDbContext, int, IAsyncEnumerable<Session>>> SessionsOf = new(
        () => EF.CompileAsyncQuery<EventHubDbContext, int, Session>((db, eventId) => db.Set<Session>().AsNoTracking()
            .Where(s => s.EventId == eventId).OrderBy(s => s.StartUtc).ThenBy(s => s.Id)));

    private readonly PriorityAccess _priority = priorityAccess ?? PriorityAccess.None;
    private readonly BookingSetupCache _setup = setup ?? BookingSetupCache.Uncached;

    /// <param name="ticketSecret">From a hidden ticket type's link: shows that type as well.</param>
    public Task<BookingFormModel?> GetFormAsync(string slug, string? ticketSecret, CancellationToken ct = default) =>
        GetFormAsync(slug, ticketSecret, priorityToken: null, ct);

    /// <param name="ticketSecret">From a hidden ticket type's link: shows that type as well.</param>
    /// <param name="priorityToken">From a priority booking link: opens the form early when the token is valid.</param>
    public async Task<BookingFormModel?> GetFormAsync(string slug, string? ticketSecret, string? priorityToken, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Every read on one connection: in a rush, taking one from SQLite's pool and giving it back for each
        // read queued every request on the pool's lock (docs/benchmarks.md, round 7).
        await db.Database.OpenConnectionAsync(ct);
        var ev = await ShownEvent.For(db)(db, slug, ct);
        if (ev is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var window = ev.Status != EventStatus.Published ? BookingWindow.Closed
            : ev.BookingOpensUtc is { } opens && now < opens ? BookingWindow.NotOpenYet
            : ev.BookingHasClosed(now) ? BookingWindow.Closed
            : BookingWindow.Open;
        // The settings, questions and ticket types from this node's cache (docs/benchmarks.md, round 8).
        var setup = await _setup.GetAsync(db, ev.Id, ev.CreatedUtc, ct);
        var types = setup.TicketTypes.Where(t => !t.Hidden || SecureTokens.FixedTimeEquals(t.SecretToken, ticketSecret)).ToList();
        var questions = setup.Questions.Where(q => !q.Hidden).ToList();
        var sessions = new List<Session>();
        await foreach (var session in SessionsOf.For(db)(db, ev.Id).WithCancellation(ct))
        {
            sessions.Add(session);
        }

        var settings = setup.Settings;
        // Online places are read live: the cached set-up holds each type's places as they were when it was read.
        // A hidden online type the visitor came with its link for gets its own line, read live like the others.
        var online = setup.TicketTypes.Any(t => t.Attendance == Attendance.Online)
            ? await OnlinePlaces.ReadAsync(db, ev.Id, ct, [.. types.Where(t => t.Hidden && t.IsOnline).Select(t => t.Id)])
            : [];
        if (window != BookingWindow.NotOpenYet)
        {
            return new BookingFormModel(ev, window, types, questions, sessions, settings) { Online = online };
        }

        // Not open to everyone yet: the visitor's priority link (if any) decides. BookingService checks it again.
        var claim = await _priority.ClaimAsync(ev.Id, priorityToken, ct);
        var opening = BookingOpening.Decide(ev.BookingOpensUtc, settings.PriorityOpensUtc, claim, now);
        var message = BookingOpening.Message(opening, ev.BookingOpensUtc, settings.PriorityOpensUtc, ev.TimeZoneId);
        return opening == Opening.OpenEarly
            ? new BookingFormModel(ev, BookingWindow.Open, types, questions, sessions, settings, message, BookingEarly: true) { Online = online }
            : new BookingFormModel(ev, window, types, questions, sessions, settings, message) { Online = online };
    }

    /// <summary>
    /// The id of the event whose booking form <see cref="GetFormAsync(string, string?, CancellationToken)"/> would show, or
    /// null. All that confirming needs: BookingService reads and checks everything else again.
    /// </summary>
    public async Task<int?> EventIdAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ShownEventId.For(db)(db, slug, ct);
    }
}
