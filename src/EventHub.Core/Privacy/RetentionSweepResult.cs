namespace EventHub.Core.Privacy;

/// <summary>What one retention sweep did: events anonymised, and events whose needs alone were cleared.</summary>
public sealed record RetentionSweepResult(int Anonymised, int NeedsCleared);
