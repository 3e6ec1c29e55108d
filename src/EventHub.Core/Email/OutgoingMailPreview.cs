namespace EventHub.Core.Email;

/// <summary>A message as it was written to the pickup folder, for reading in the browser.</summary>
public sealed record OutgoingMailPreview(long Id, string Subject, string From, string To, string? ReplyTo, string TextBody, IReadOnlyList<string> Attachments, string Raw);
