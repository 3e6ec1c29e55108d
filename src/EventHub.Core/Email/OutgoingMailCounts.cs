namespace EventHub.Core.Email;

public sealed record OutgoingMailCounts(int Queued, int Sent, int Failed, int Suppressed);
