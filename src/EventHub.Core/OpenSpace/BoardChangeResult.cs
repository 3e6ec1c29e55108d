namespace EventHub.Core.OpenSpace;

/// <summary>A board change that went through, with anything the facilitator should look at.</summary>
public sealed record BoardChangeResult(int SessionId, IReadOnlyList<string> Warnings);
