namespace EventHub.Core.OpenSpace;

public sealed record WalkInPitchInput(string? ConvenerName, string? Title, string? Email = null);
