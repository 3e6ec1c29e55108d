namespace EventHub.Core.OpenSpace;

/// <summary>Who may pitch from the public pitch form, as the organiser chose it.</summary>
public sealed record WalkInPolicy(bool WalkInsMayPitch, bool ModerateWalkIns)
{
    public static WalkInPolicy TicketHoldersOnly { get; } = new(false, false);
}
