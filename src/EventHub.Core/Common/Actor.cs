namespace EventHub.Core.Common;

/// <summary>
/// Who is asking. Every organiser use case takes one and checks it, so hiding a button is never the only guard.
/// </summary>
public sealed record Actor(string? UserId, string DisplayName, bool IsOrganiser, bool IsAdministrator)
{
    /// <summary>
    /// A site-level permission an administrator gives an organiser: answering subject-access and erasure requests
    /// (finding, downloading and erasing a person's data). Administrators have it anyway.
    /// </summary>
    public bool CanAnswerDataRequests { get; init; }

    public static Actor Anonymous { get; } = new(null, "Anonymous", false, false);

    public static Actor Organiser(string userId, string name, bool isAdministrator = false) =>
        new(userId, name, true, isAdministrator);

    /// <summary>A system task (background service, seeding) acting with organiser rights.</summary>
    public static Actor System { get; } = new("system", "EventHub", true, true);
}
