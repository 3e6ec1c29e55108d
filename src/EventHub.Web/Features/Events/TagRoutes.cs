namespace EventHub.Web.Features.Events;

/// <summary>The address of a tag's page of upcoming events.</summary>
public static class TagRoutes
{
    /// <summary>The page's route pattern, also the output cache's key to it.</summary>
    public const string Page = "/tags/{Tag}";

    public static string For(string tag) => "/tags/" + Uri.EscapeDataString(tag);
}
