namespace EventHub.Core.CheckIn;

/// <summary>Lengths the door accepts: a door link's name, a scanned code, a search.</summary>
public static class CheckInRules
{
    public const int MaxLabelLength = 100;
    public const int MaxCodeLength = 64;
    public const int MaxSearchLength = 100;

    /// <summary>Fewer characters find nothing: a door link cannot list everyone a letter at a time.</summary>
    public const int MinSearchLength = 3;
}
