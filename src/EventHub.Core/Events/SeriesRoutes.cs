namespace EventHub.Core.Events;

/// <summary>
/// The public addresses of a series. The mailing-list page is here, not only in MailingLists, because features below
/// it (a waiting-list email, a sold-out page) offer "tell me about the next one" without naming MailingLists.
/// </summary>
public static class SeriesRoutes
{
    public static string Page(string seriesSlug) => $"/series/{seriesSlug}";

    public static string MailingList(string seriesSlug) => $"/series/{seriesSlug}/mailing-list";
}
