using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Who may book, in words, from an event's eligibility rule: shown before anyone fills the booking form, so nobody
/// is refused at the end.
/// </summary>
public sealed class EligibilityNotice(IDbContextFactory<EventHubDbContext> dbFactory)
{
    /// <summary>The notice for an event, or null when anyone may book.</summary>
    public async Task<string?> ForEventAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Describe(await Lifecycle.SettingsAsync(db, eventId, ct));
    }

    /// <summary>
    /// One or two sentences, e.g. "Places are for people with an email address ending devon.gov.uk or a subdomain of
    /// it. Others may ask for approval." Null when the event is open to all.
    /// </summary>
    public static string? Describe(BookingSettings settings)
    {
        switch (settings.Eligibility)
        {
            case EligibilityMode.ApprovalRequired:
                return "Every booking needs the organisers' approval: you will hear from them after you book.";
            case EligibilityMode.AllowedDomains when settings.AllowedDomainList.Count > 0:
                var others = settings.OutsideDomain == OutsideDomainAction.RequestApproval
                    ? "Others may ask for approval."
                    : "Other email addresses cannot book.";
                return $"Places are for people with an email address ending {JoinWithOr(Domains(settings.AllowedDomainList))}. {others}";
            default:
                return null;
        }
    }

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

    private static string JoinWithOr(List<string> phrases) =>
        phrases.Count == 1 ? phrases[0] : string.Join(", ", phrases[..^1]) + ", or " + phrases[^1];
}
