using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Feedback;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Privacy;

/// <summary>
/// Email addresses and phone numbers that people typed into an event's free text (session notes, write-ups,
/// proposals' descriptions and feedback) are personal data too. Past retention every one goes; an erasure takes the erased
/// person's address, and the phone numbers they gave us, out of every event's free text (others' booking answers too). Each becomes "[removed]"; titles and the rest of the text stay.
/// (Booking answers go whole with the booking; the sweep blanks feedback text whole too.)
/// </summary>
internal static partial class FreeTextScrub
{
    public const string Removed = "[removed]";

    /// <summary>A phone number has 9 to 15 digits (E.164 allows 15); fewer is a date, a time, a room or a count.</summary>
    private const int MinPhoneDigits = 9;

    private const int MaxPhoneDigits = 15;

    /// <summary>The text with every email address and phone number in it replaced by <see cref="Removed"/>.</summary>
    public static string RedactContacts(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var withoutAddresses = EmailAddress().Replace(text, Removed);
        return PhoneCandidate().Replace(withoutAddresses, m =>
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            return digits is >= MinPhoneDigits and <= MaxPhoneDigits ? Removed : m.Value;
        });
    }

    /// <summary>
    /// The phone numbers written in <paramref name="texts"/>, each as its last 9 digits: the part every way of writing one
    /// number shares ("07700 900461", "+44 7700 900461", "07700900461").
    /// </summary>
    public static IReadOnlySet<string> PhoneKeys(IEnumerable<string?> texts)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (Match m in PhoneCandidate().Matches(text ?? string.Empty))
            {
                if (PhoneKey(m.Value) is { } key)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    /// <summary>The text with every way of writing the numbers <paramref name="keys"/> stands for replaced by <see cref="Removed"/>.</summary>
    public static string RedactPhones(string text, IReadOnlySet<string> keys) =>
        string.IsNullOrEmpty(text) || keys.Count == 0
            ? text
            : PhoneCandidate().Replace(text, m => PhoneKey(m.Value) is { } key && keys.Contains(key) ? Removed : m.Value);

    /// <summary>The last 9 digits of a run of 9 to 15 digits; null for anything else.</summary>
    private static string? PhoneKey(string candidate)
    {
        var digits = string.Concat(candidate.Where(char.IsAsciiDigit));
        return digits.Length is >= MinPhoneDigits and <= MaxPhoneDigits ? digits[^MinPhoneDigits..] : null;
    }

    /// <summary>The text with <paramref name="address"/> (any case) replaced by <see cref="Removed"/>.</summary>
    public static string RedactAddress(string text, string address) =>
        string.IsNullOrEmpty(text) || string.IsNullOrEmpty(address) ? text : text.Replace(address, Removed, StringComparison.OrdinalIgnoreCase);

    /// <summary>Past retention: every address and phone number in one event's free text goes. Returns the rows changed.</summary>
    public static Task<int> RedactEventAsync(EventHubDbContext db, int eventId, CancellationToken ct) =>
        RedactAsync(
            db,
            db.Set<SessionNotes>().Where(n => db.Sessions.Any(s => s.Id == n.SessionId && s.EventId == eventId)),
            db.Set<WriteUp>().Where(w => w.EventId == eventId),
            db.Set<Proposal>().Where(p => p.EventId == eventId),
            db.Set<FeedbackResponse>().Where(r => r.EventId == eventId),
            db.Set<FeedbackAnswer>().Where(a => a.Response!.EventId == eventId),
            RedactContacts,
            ct);

    /// <summary>
    /// An erasure: the person's address goes from the free text of every event (or of <paramref name="onlyEventId"/>).
    /// <paramref name="address"/> is normalised (lower case), so rows are found by their lower-cased text on either engine.
    /// </summary>
    public static Task<int> RedactAddressAsync(EventHubDbContext db, string address, int? onlyEventId, CancellationToken ct) =>
        RedactAsync(
            db,
            db.Set<SessionNotes>().Where(n => (onlyEventId == null || db.Sessions.Any(s => s.Id == n.SessionId && s.EventId == onlyEventId))
                && (n.Convener.ToLower().Contains(address) || n.Participants.ToLower().Contains(address) || n.KeyPoints.ToLower().Contains(address)
                    || n.Actions.ToLower().Contains(address) || n.Links.ToLower().Contains(address))),
            db.Set<WriteUp>().Where(w => (onlyEventId == null || w.EventId == onlyEventId)
                && (w.Text.ToLower().Contains(address) || w.Url.ToLower().Contains(address))),
            db.Set<Proposal>().Where(p => (onlyEventId == null || p.EventId == onlyEventId) && p.Description.ToLower().Contains(address)),
            db.Set<FeedbackResponse>().Where(r => (onlyEventId == null || r.EventId == onlyEventId)
                && (r.WhatWorked.ToLower().Contains(address) || r.WhatToChange.ToLower().Contains(address))),
            db.Set<FeedbackAnswer>().Where(a => (onlyEventId == null || a.Response!.EventId == onlyEventId) && a.Text.ToLower().Contains(address)),
            text => RedactAddress(text, address),
            ct,
            db.Set<BookingAnswer>().Where(a => (onlyEventId == null || db.Set<Booking>().Any(b => b.Id == a.BookingId && b.EventId == onlyEventId)) && a.Value.ToLower().Contains(address)));

    /// <summary>
    /// An erasure: the phone numbers the person gave us (<see cref="PhoneKeys"/>) go from the free text of every event (or
    /// of <paramref name="onlyEventId"/>), however they were written there. Rows are narrowed in the database by each
    /// number's last two digits (they stay together however a number is spaced); the match itself is made here.
    /// </summary>
    public static async Task<int> RedactPhonesAsync(EventHubDbContext db, IReadOnlySet<string> keys, int? onlyEventId, CancellationToken ct)
    {
        var changed = 0;
        foreach (var tail in keys.Select(k => k[^2..]).Distinct(StringComparer.Ordinal))
        {
            changed += await RedactAsync(
                db,
                db.Set<SessionNotes>().Where(n => (onlyEventId == null || db.Sessions.Any(s => s.Id == n.SessionId && s.EventId == onlyEventId))
                    && (n.Convener.Contains(tail) || n.Participants.Contains(tail) || n.KeyPoints.Contains(tail) || n.Actions.Contains(tail) || n.Links.Contains(tail))),
                db.Set<WriteUp>().Where(w => (onlyEventId == null || w.EventId == onlyEventId) && (w.Text.Contains(tail) || w.Url.Contains(tail))),
                db.Set<Proposal>().Where(p => (onlyEventId == null || p.EventId == onlyEventId) && p.Description.Contains(tail)),
                db.Set<FeedbackResponse>().Where(r => (onlyEventId == null || r.EventId == onlyEventId) && (r.WhatWorked.Contains(tail) || r.WhatToChange.Contains(tail))),
                db.Set<FeedbackAnswer>().Where(a => (onlyEventId == null || a.Response!.EventId == onlyEventId) && a.Text.Contains(tail)),
                text => RedactPhones(text, keys),
                ct,
                db.Set<BookingAnswer>().Where(a => (onlyEventId == null || db.Set<Booking>().Any(b => b.Id == a.BookingId && b.EventId == onlyEventId)) && a.Value.Contains(tail)));
        }

        return changed;
    }

    private static async Task<int> RedactAsync(
        EventHubDbContext db, IQueryable<SessionNotes> notes, IQueryable<WriteUp> writeUps, IQueryable<Proposal> proposals,
        IQueryable<FeedbackResponse> feedback, IQueryable<FeedbackAnswer> feedbackAnswers, Func<string, string> redact, CancellationToken ct,
        IQueryable<BookingAnswer>? bookingAnswers = null)
    {
        var changed = 0;
        foreach (var a in bookingAnswers is null ? [] : await bookingAnswers.ToListAsync(ct))
        {
            changed += Apply(redact, a.Value, v => a.Value = v);
        }

        foreach (var n in await notes.ToListAsync(ct))
        {
            changed += Apply(redact, n.Convener, v => n.Convener = v) | Apply(redact, n.Participants, v => n.Participants = v)
                | Apply(redact, n.KeyPoints, v => n.KeyPoints = v) | Apply(redact, n.Actions, v => n.Actions = v) | Apply(redact, n.Links, v => n.Links = v);
        }

        foreach (var w in await writeUps.ToListAsync(ct))
        {
            changed += Apply(redact, w.Text, v => w.Text = v) | Apply(redact, w.Url, v => w.Url = v);
        }

        foreach (var p in await proposals.ToListAsync(ct))
        {
            changed += Apply(redact, p.Description, v => p.Description = v);
        }

        foreach (var r in await feedback.ToListAsync(ct))
        {
            changed += Apply(redact, r.WhatWorked, v => r.WhatWorked = v) | Apply(redact, r.WhatToChange, v => r.WhatToChange = v);
        }

        foreach (var a in await feedbackAnswers.ToListAsync(ct))
        {
            changed += Apply(redact, a.Text, v => a.Text = v);
        }

        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>1 when the value changed (and was set), else 0.</summary>
    private static int Apply(Func<string, string> redact, string value, Action<string> set)
    {
        var redacted = redact(value);
        if (string.Equals(redacted, value, StringComparison.Ordinal))
        {
            return 0;
        }

        set(redacted);
        return 1;
    }

    // Local part and domain as people type them; "[removed]" itself never matches.
    [GeneratedRegex(@"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();

    // A run that starts with a digit, "+" or "(" and holds digits, spaces, dots, dashes and brackets; the digit count
    // decides whether it is a phone number.
    [GeneratedRegex(@"(?<![\w+])[+(]?\d[\d \t().-]{6,}\d(?!\w)")]
    private static partial Regex PhoneCandidate();
}
