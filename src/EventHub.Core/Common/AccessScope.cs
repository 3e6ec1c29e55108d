namespace EventHub.Core.Common;

/// <summary>The events an actor may do one thing on, for filtering lists: all of them, or these ids.</summary>
public sealed record AccessScope(bool All, IReadOnlyCollection<int> EventIds)
{
    public static AccessScope Everything { get; } = new(true, []);

    public static AccessScope Nothing { get; } = new(false, []);

    public bool Includes(int eventId) => All || EventIds.Contains(eventId);
}
