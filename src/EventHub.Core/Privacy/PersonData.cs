namespace EventHub.Core.Privacy;

/// <summary>Everything held about one email address, across every event, series list, poll and Open Space record.</summary>
public sealed record PersonData(string Email, DateTime GatheredUtc, IReadOnlyList<HeldRecord> Records)
{
    public bool IsEmpty => Records.Count == 0;
}
