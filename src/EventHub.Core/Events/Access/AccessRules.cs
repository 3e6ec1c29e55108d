namespace EventHub.Core.Events.Access;

/// <summary>The role → permission table, as pure functions, so every combination can be tested without a database.</summary>
public static class AccessRules
{
    private static readonly IReadOnlySet<Permission> All = Enum.GetValues<Permission>().ToHashSet();

    private static readonly IReadOnlySet<Permission> Owner = All.Except([Permission.ViewNeeds]).ToHashSet();

    private static readonly IReadOnlySet<Permission> Editor = new HashSet<Permission>
    {
        Permission.See, Permission.ViewFigures, Permission.ViewAttendees, Permission.Edit, Permission.Door,
        Permission.ManageDoorLinks, Permission.ReadMail, Permission.PitchDesk,
    };

    /// <summary>The door volunteers: check-in, and the pitch desk of an Open Space event (both are a desk by the entrance).</summary>
    private static readonly IReadOnlySet<Permission> Door = new HashSet<Permission> { Permission.See, Permission.Door, Permission.PitchDesk };

    private static readonly IReadOnlySet<Permission> Viewer = new HashSet<Permission>
    {
        Permission.See, Permission.ViewFigures, Permission.ViewAttendees,
    };

    /// <summary>Everything: administrators and system tasks.</summary>
    public static IReadOnlySet<Permission> Everything => All;

    /// <summary>
    /// What one team place grants. Needs are never part of a role: only the per-person flag opens them, and only
    /// to someone whose role already shows attendees (a door volunteer sees a needs flag on the door list, not the needs).
    /// </summary>
    public static IReadOnlySet<Permission> For(TeamRole role, bool canSeeNeeds)
    {
        var granted = role switch
        {
            TeamRole.Owner => Owner,
            TeamRole.Editor => Editor,
            TeamRole.Door => Door,
            TeamRole.Viewer => Viewer,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown team role."),
        };
        return canSeeNeeds && granted.Contains(Permission.ViewAttendees) ? granted.Append(Permission.ViewNeeds).ToHashSet() : granted;
    }

    /// <summary>
    /// The one verdict on what an actor was granted: null when it holds <paramref name="permission"/>; the role
    /// refusal when they are on the team but their role does not allow it; otherwise <paramref name="notFound"/>, so
    /// an organiser on none of the teams cannot tell the row exists.
    /// </summary>
    public static Common.Refusal? Verdict(IReadOnlySet<Permission> granted, Permission permission, Common.Refusal notFound) =>
        granted.Contains(permission) ? null
        : granted.Contains(Permission.See) ? EventErrors.RoleDoesNotAllow
        : notFound;

    /// <summary>
    /// What an organiser may do on an event given their places on its team and its series' team: the union, with
    /// the needs flag of either place. No place at all grants nothing.
    /// </summary>
    public static IReadOnlySet<Permission> Combine(IEnumerable<(TeamRole Role, bool CanSeeNeeds)> places)
    {
        var list = places.ToList();
        var canSeeNeeds = list.Any(p => p.CanSeeNeeds);
        return list.SelectMany(p => For(p.Role, canSeeNeeds)).ToHashSet();
    }
}
