namespace EventHub.Core.Common;

/// <summary>How a person who is not credited by name is shown: a convener or write-up author who withdrew their name,
/// or one whose name the retention sweep removed.</summary>
public static class Credit
{
    public const string Participant = "a participant";
}
