namespace EventHub.Core.Events.Access;

/// <summary>What one actor may do on one event.</summary>
public sealed record EventPermissions(int EventId, IReadOnlySet<Permission> Granted)
{
    public bool CanSee => Granted.Contains(Permission.See);

    public bool Has(Permission permission) => Granted.Contains(permission);
}
