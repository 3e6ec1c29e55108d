using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>
/// The steps that remove a person's details from the tables that hold them, each on rows the caller selects, so the
/// retention sweep (a whole event) and an erasure (one person) share them. Counts, statuses, ticket types, check-in
/// times and the email domain stay, so the figures organisers compare still add up.
/// </summary>
internal static class PersonalDataScrub
{
    public const string AnonymisedName = "Anonymised";

    /// <summary>Anonymises the bookings <paramref name="which"/> selects (waiting lists included). Returns who was removed.</summary>
    public static async Task<IReadOnlyList<PersonTrace>> AnonymiseBookingsAsync(
        EventHubDbContext db, IQueryable<Booking> which, DateTime nowUtc, CancellationToken ct)
    {
        var bookings = await which.Where(b => b.Name != AnonymisedName || b.Organisation != "" || b.JobTitle != "").ToListAsync(ct);
        var traces = bookings.Select(b => new PersonTrace(b.Name, b.Email)).ToList();
        var ids = bookings.Select(b => b.Id).ToList();
        await db.Set<BookingAnswer>().Where(a => ids.Contains(a.BookingId)).ExecuteDeleteAsync(ct);
        // Every manage link stops working with the details it led to.
        await ManageLinks.RevokeAsync(db, ids, ct);
        foreach (var b in bookings)
        {
            b.EmailDomain = DomainOf(b.Email);
            b.Name = AnonymisedName;
            b.Email = b.NormalisedEmail = $"anonymised-{b.Id}@invalid";
            b.Organisation = b.JobTitle = b.DietaryNeeds = b.AccessNeeds = string.Empty;
            b.CancelReason = null;
            // A new ticket code: the old one stops working with the details it led to.
            b.CheckInCode = SecureTokens.New();
            b.UpdatedUtc = nowUtc;
        }

        await db.SaveChangesAsync(ct);
        return traces;
    }

    /// <summary>
    /// Before an edition's addresses go, marks who in the series had booked an earlier edition, both ways: this
    /// edition's bookings that match an earlier edition's confirmed booking, and later editions' bookings that match one
    /// of this edition's. Editions are ordered by start, then id, as the series figures order them.
    /// </summary>
    public static async Task KeepRepeatAttendanceAsync(EventHubDbContext db, int eventId, CancellationToken ct)
    {
        var ev = await db.Events.Where(e => e.Id == eventId).Select(e => new { e.SeriesId, e.StartUtc }).FirstAsync(ct);
        if (ev.SeriesId is not { } seriesId)
        {
            return;
        }

        var siblings = db.Events.Where(e => e.SeriesId == seriesId && e.Id != eventId);
        var earlier = siblings.Where(e => e.StartUtc < ev.StartUtc || (e.StartUtc == ev.StartUtc && e.Id < eventId)).Select(e => e.Id);
        var later = siblings.Where(e => e.StartUtc > ev.StartUtc || (e.StartUtc == ev.StartUtc && e.Id > eventId)).Select(e => e.Id);
        var bookings = db.Set<Booking>();
        await bookings.Where(b => b.EventId == eventId && !b.BookedEarlierEdition
                && bookings.Any(p => earlier.Contains(p.EventId) && p.Status == BookingStatus.Confirmed && p.NormalisedEmail == b.NormalisedEmail))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.BookedEarlierEdition, true), ct);
        await bookings.Where(b => later.Contains(b.EventId) && !b.BookedEarlierEdition
                && bookings.Any(p => p.EventId == eventId && p.Status == BookingStatus.Confirmed && p.NormalisedEmail == b.NormalisedEmail))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.BookedEarlierEdition, true), ct);
    }

    /// <summary>Clears access and dietary needs only (their period is shorter than the rest).</summary>
    public static Task<int> ClearNeedsAsync(IQueryable<Booking> which, CancellationToken ct) =>
        which.Where(b => b.DietaryNeeds != "" || b.AccessNeeds != "")
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.DietaryNeeds, "").SetProperty(b => b.AccessNeeds, ""), ct);

    /// <summary>Replaces every removed name and address in the audit entries of <paramref name="eventIds"/>.</summary>
    public static async Task ScrubAuditAsync(
        EventHubDbContext db, IReadOnlyCollection<int> eventIds, IReadOnlyCollection<PersonTrace> traces, CancellationToken ct)
    {
        var words = traces.SelectMany(t => new[] { t.Name, t.Email }).Where(w => w.Length > 0).Distinct().ToList();
        if (words.Count == 0)
        {
            return;
        }

        var entries = await db.Set<BookingAuditEntry>().Where(a => eventIds.Contains(a.EventId)).ToListAsync(ct);
        foreach (var entry in entries)
        {
            entry.Detail = Scrub(entry.Detail, words);
            entry.ActorName = Scrub(entry.ActorName, words);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes the messages <paramref name="which"/> selects and their .eml copies.</summary>
    public static Task<int> EraseMailAsync(EventHubDbContext db, IQueryable<OutboxMessage> which, string? pickupFolder, CancellationToken ct) =>
        OutboxErasure.EraseAsync(db, which, pickupFolder, ct);

    public static string DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at < 0 ? string.Empty : email[(at + 1)..].Trim().ToLowerInvariant();
    }

    private static string Scrub(string text, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            text = text.Replace(word, "[removed]", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }
}
