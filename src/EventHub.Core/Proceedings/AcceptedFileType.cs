namespace EventHub.Core.Proceedings;

/// <summary>A file type we accept, recognised by its content.</summary>
public sealed record AcceptedFileType(string Name, string ContentType, IReadOnlyList<string> Extensions);
