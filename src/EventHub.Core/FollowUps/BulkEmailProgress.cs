namespace EventHub.Core.FollowUps;

/// <summary>How far queuing one bulk email has gone.</summary>
public sealed record BulkEmailProgress(int Queued, int Total);
