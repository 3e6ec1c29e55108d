using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Who may book, in words, from an event's eligibility rule: shown before anyone fills the booking form, so nobody
/// is refused at the end.
/// </summary>
public sealed class EligibilityNotice(IDbContextFactory<EventHubDbContext> dbFactory)
{
    /// <summary>The notice for an event, or null when anyone may book and the organisers wrote nothing.</summary>
    public async Task<string?> ForEventAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ForEventAsync(db, eventId, ct);
    }

    /// <summary>The notice for an event, read in the caller's context (an email being rendered).</summary>
    public static async Task<string?> ForEventAsync(EventHubDbContext db, int eventId, CancellationToken ct = default) =>
        Describe(await Lifecycle.SettingsAsync(db, eventId, ct));

    /// <summary>
    /// One or two sentences, e.g. "Places are for people with an email address ending devon.gov.uk or a subdomain of
    /// it. Others may ask for approval." When the organisers wrote who the places are for, their words lead and the
    /// rule follows with only what a visitor must do ("Places are for people who work in the public sector in Devon.
    /// Book with an email address ending devon.gov.uk. Others may ask for approval."). Null when the event is open to
    /// all and the organisers wrote nothing.
    /// </summary>
    public static string? Describe(BookingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var phrase = Sentence(settings.PlacesAreFor);
        switch (settings.Eligibility)
        {
            case EligibilityMode.ApprovalRequired:
                const string approval = "Every booking needs the organisers' approval: you will hear from them after you book.";
                return phrase is null ? approval : $"{phrase} {approval}";
            case EligibilityMode.AllowedDomains when settings.AllowedDomainList.Count > 0:
                var others = settings.OutsideDomain == OutsideDomainAction.RequestApproval
                    ? "Others may ask for approval."
                    : "Other email addresses cannot book.";
                return phrase is null
                    ? $"Places are for people with an email address ending {Addresses(settings)}. {others}"
                    : $"{phrase} Book with an email address ending {Addresses(settings)}. {others}";
            default:
                return phrase;
        }
    }

    /// <summary>
    /// The refusal for an address the rule keeps out (the allowed domains and outside addresses refused), worded with
    /// the addresses that may book; null when the address may book or may ask for approval. The booking form checks
    /// it before "check your answers", and <see cref="BookingService"/> answers the same when the allocator refuses.
    /// </summary>
    public static Refusal? RefusalFor(BookingSettings settings, string email) =>
        settings is { Eligibility: EligibilityMode.AllowedDomains, OutsideDomain: OutsideDomainAction.Refuse }
        && settings.AllowedDomainList.Count > 0 && !BookingRules.DomainAllowed(email, settings.AllowedDomainList)
            ? BookingErrors.NotEligibleAddress(Addresses(settings))
            : null;

    /// <summary>True when this address books only as a request the organisers approve (outside the allowed domains).</summary>
    public static bool OnlyAsRequest(BookingSettings settings, string email) =>
        settings.Eligibility == EligibilityMode.ApprovalRequired
        || (settings is { Eligibility: EligibilityMode.AllowedDomains, OutsideDomain: OutsideDomainAction.RequestApproval }
            && settings.AllowedDomainList.Count > 0 && !BookingRules.DomainAllowed(email, settings.AllowedDomainList));

    /// <summary>The allowed addresses as words ("devon.gov.uk or a subdomain of it"); empty when any address may book.</summary>
    public static string Addresses(BookingSettings settings) =>
        settings.Eligibility == EligibilityMode.AllowedDomains && settings.AllowedDomainList.Count > 0
            ? JoinWithOr(Domains(settings.AllowedDomainList))
            : string.Empty;

    /// <summary>"devon.gov.uk" and "*.devon.gov.uk" read as one: "devon.gov.uk or a subdomain of it".</summary>
    private static List<string> Domains(IReadOnlyList<string> rules)
    {
        var cleaned = rules.Select(r => r.Trim().TrimStart('@').ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        var exact = cleaned.Where(r => !r.StartsWith("*.", StringComparison.Ordinal)).ToList();
        var wildcard = cleaned.Where(r => r.StartsWith("*.", StringComparison.Ordinal)).Select(r => r[2..]).ToList();
        var phrases = exact.Select(d => wildcard.Contains(d) ? $"{d} or a subdomain of it" : d).ToList();
        phrases.AddRange(wildcard.Where(d => !exact.Contains(d)).Select(d => "." + d));
        return phrases;
    }

    /// <summary>The organisers' phrase as a sentence (a full stop added when it has no ending); null when blank.</summary>
    private static string? Sentence(string? phrase)
    {
        var text = phrase?.Trim();
        return string.IsNullOrEmpty(text) ? null : text[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    private static string JoinWithOr(List<string> phrases) =>
        phrases.Count == 1 ? phrases[0] : phrases.Count == 2 ? $"{phrases[0]} or {phrases[1]}" : string.Join(", ", phrases[..^1]) + ", or " + phrases[^1];
}
