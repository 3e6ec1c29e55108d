namespace EventHub.Web.Features.Events;

/// <summary>The embeddable list of upcoming events, for a council's intranet or website to show in an iframe.</summary>
public static class EmbedRoutes
{
    /// <summary>The page's route, also the output cache's key to it.</summary>
    public const string Events = "/embed/events";

    /// <summary>Everything under here may be framed by the allow-list (<c>EventHub:Embed:FrameAncestors</c>); nothing else may.</summary>
    public const string Prefix = "/embed";

    public const int DefaultLimit = 5;

    public const int MaxLimit = 20;

    public static string ForSeries(string seriesSlug) => $"{Events}?series={Uri.EscapeDataString(seriesSlug)}";

    public static string ForTag(string tag) => $"{Events}?tag={Uri.EscapeDataString(tag)}";
}
