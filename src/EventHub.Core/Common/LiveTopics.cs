namespace EventHub.Core.Common;

/// <summary>Topics published today. A listener may filter by topic or simply reload on any message.</summary>
public static class LiveTopics
{
    public const string CheckIn = "check-in";
    public const string Board = "board";
    public const string Places = "places";

    /// <summary>Someone joined or left an event's waiting list (an offer, a cancellation, a new person waiting).</summary>
    public const string Waiting = "waiting";

    /// <summary>An announcement was posted to the event's news room or taken down.</summary>
    public const string News = "news";

    /// <summary>Something a public page of the event shows changed (its details, agenda, board or proceedings).</summary>
    public const string Public = "public";

    /// <summary>An event's booking settings, registration questions or ticket types changed (each node's booking cache forgets them).</summary>
    public const string BookingSetup = "booking-setup";

    /// <summary>
    /// A site-wide sign-in rule changed (two-step sign-in required or not). Published with <see cref="SiteWide"/> as
    /// its event id, so every node's copy of the site's settings is forgotten.
    /// </summary>
    public const string SiteSecurity = "site-security";

    /// <summary>
    /// A retention setting (an event's, a series' or the site's) changed. Published with <see cref="SiteWide"/> as its
    /// event id, so every node forgets the retention policies it keeps (a site or series default reaches many events).
    /// </summary>
    public const string Retention = "retention";

    /// <summary>
    /// The id that site-wide messages travel under, rather than one event's (no event has id 0). Only listeners that
    /// subscribe to it hear them; listeners to every event (the public page cache, the booking cache) never do.
    /// </summary>
    public const int SiteWide = 0;
}
