namespace EventHub.Core.Email;

/// <summary>A file attached to the message, e.g. a calendar invite.</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
