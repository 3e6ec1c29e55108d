namespace EventHub.Core.Email;

/// <summary>An image shown inside the HTML part, referenced as <c>cid:{ContentId}</c>.</summary>
public sealed record InlineImage(string ContentId, string FileName, string MediaType, string MediaSubtype, byte[] Content);
