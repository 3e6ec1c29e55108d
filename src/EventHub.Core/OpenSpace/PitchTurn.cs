namespace EventHub.Core.OpenSpace;

/// <summary>The marketplace moved on: who has just pitched, and who pitches now (null when nobody is left to pitch).</summary>
public sealed record PitchTurn(string PitchedTitle, string? NowPitchingTitle);
