namespace EventHub.Core.Events;

/// <summary>The new draft edition and, in a few words each, what was copied into it.</summary>
public sealed record EditionCopy(Event Copy, IReadOnlyList<string> Copied);
