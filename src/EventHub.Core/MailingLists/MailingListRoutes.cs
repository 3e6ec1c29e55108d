namespace EventHub.Core.MailingLists;

public static class MailingListRoutes
{
    public static string SignUp(string seriesSlug) => Events.SeriesRoutes.MailingList(seriesSlug);

    public static string Confirm(string token) => $"/lists/confirm/{token}";

    /// <summary>The page a person reaches from the link in the message body.</summary>
    public static string Unsubscribe(string token) => $"/lists/unsubscribe/{token}";

    /// <summary>The RFC 8058 one-click target: mail clients POST "List-Unsubscribe=One-Click" here.</summary>
    public static string OneClickUnsubscribe(string token) => $"/lists/unsubscribe/{token}/one-click";
}
