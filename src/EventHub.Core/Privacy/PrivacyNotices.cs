using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Privacy;

/// <summary>
/// Finds the privacy notice for an event (the event's own, then its series', then the site's default) and writes the
/// site's default from the real settings. The retention periods it states are the ones the sweep keeps to
/// (<see cref="RetentionService"/>: the event's own, then its series', then the site's).
/// </summary>
public sealed class PrivacyNotices(IDbContextFactory<EventHubDbContext> dbFactory, IOptions<SiteSettings> site, RetentionService retention)
{
    private static readonly EventStatus[] PublicStatuses = [EventStatus.Published, EventStatus.Completed, EventStatus.Cancelled];

    /// <summary>The site's default notice in Markdown (the /privacy page, and every event that has none of its own).</summary>
    public static string DefaultMarkdown(SiteSettings s, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(policy);
        var contact = s.ContactEmail.Length > 0 ? $"email [{s.ContactEmail}](mailto:{s.ContactEmail})" : "contact the organisers";
        var address = s.ContactAddress.Length > 0 ? $" or write to {s.ContactAddress.ReplaceLineEndings(", ")}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"""
            ## Who is responsible for your data

            {s.ControllerName} is the data controller for the details you give when you book a place, join a waiting list,
            sign up to a mailing list or answer a date poll.

            ## What we collect and why

            - Your name, email address and organisation, to give you a place, send you your ticket and tell you about changes.
            - Your answers to the event's questions, to plan the event.
            - Any dietary or access needs you tell us about, to make the event work for you.
            - Whether you came, to count attendance.

            ## Our lawful basis

            We use your details to perform a task in the public interest: running the event you booked.
            Access and dietary needs are health information: we use them only to make reasonable adjustments for you.
            We do not ask for your consent, because we do not rely on it.

            ## Who we share it with

            Nobody. Only the organisers of the event see your details. We do not sell them or use them for marketing.

            ## How long we keep it

            - Names, email addresses, organisations and answers: {Months(policy.PersonalDataMonths)} after the event.
            - Dietary and access needs: {(policy.NeedsDays == 0 ? "until the event ends" : $"{Days(policy.NeedsDays)} after the event")}.

            After that, only figures are kept, like how many people booked and came.

            If you convene an Open Space session or post a write-up, your name stays in the event's public record only
            when you ask to be credited by name; otherwise it becomes "a participant" when the rest is deleted. You can
            withdraw your name at any time from your own link, and it then shows as "a participant" everywhere.

            ## Your rights

            You can ask to see everything we hold about you, to correct it, or to have it deleted.
            To ask, {contact}{address}. We answer within one month.
            You can cancel your booking at any time from the link in your booking email.

            If you are unhappy with how we use your data, you can complain to the Information Commissioner's Office (ico.org.uk).
            """);
    }

    /// <summary>The sentence beside the booking form: what is kept and for how long.</summary>
    public static string KeptSentence(SiteSettings s, RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(policy);
        var needs = policy.NeedsDays == 0 ? "until the event ends" : $"for {Days(policy.NeedsDays)} after it";
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.ControllerName} keeps your name, email address, organisation and answers for {Months(policy.PersonalDataMonths)} after the event, and any dietary or access needs {needs}, only to run the event.");
    }

    /// <summary>The booking form's sentence for one event, with the periods the sweep will keep to; null when there is no such event.</summary>
    public async Task<string?> KeptSentenceAsync(int eventId, CancellationToken ct = default) =>
        await retention.PolicyForEventAsync(eventId, ct) is { } policy ? KeptSentence(site.Value, policy) : null;

    /// <summary>The site's own notice (the /privacy page) as safe HTML, stating the site's default periods.</summary>
    public async Task<string> SiteHtmlAsync(CancellationToken ct = default) =>
        MarkdownRenderer.ToSafeHtml(DefaultMarkdown(site.Value, await retention.SitePolicyAsync(ct)));

    /// <summary>The notice for a public event, or null when there is no such public event.</summary>
    public async Task<PrivacyNotice?> ForEventAsync(string slug, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Events.AsNoTracking()
            .Where(e => e.Slug == slug && PublicStatuses.Contains(e.Status))
            .Select(e => new { e.Id, e.Title, e.Slug, Own = e.PrivacyNotice, Series = e.Series == null ? null : e.Series.PrivacyNotice })
            .FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            return null;
        }

        var policy = (await retention.PolicyForEventAsync(ev.Id, ct))!;
        var (markdown, source) = Resolve(ev.Own, ev.Series, policy);
        return new PrivacyNotice(ev.Title, ev.Slug, MarkdownRenderer.ToSafeHtml(markdown), KeptSentence(site.Value, policy), source);
    }

    private (string Markdown, PrivacyNoticeSource Source) Resolve(string own, string? series, RetentionPolicy policy) =>
        !string.IsNullOrWhiteSpace(own) ? (own, PrivacyNoticeSource.Event)
        : !string.IsNullOrWhiteSpace(series) ? (series, PrivacyNoticeSource.Series)
        : (DefaultMarkdown(site.Value, policy), PrivacyNoticeSource.Site);

    private static string Months(int n) => RetentionRules.Count(n, "month");

    private static string Days(int n) => RetentionRules.Count(n, "day");
}
