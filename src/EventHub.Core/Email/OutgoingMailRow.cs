namespace EventHub.Core.Email;

public sealed record OutgoingMailRow(
    long Id, string Template, string ToEmail, string ToName, string? Subject, OutboxStatus Status, int Attempts,
    DateTime CreatedUtc, DateTime NextAttemptUtc, DateTime? SentUtc, string? LastError, bool HasPickupFile);
