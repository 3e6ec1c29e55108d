namespace EventHub.Core.OpenSpace;

/// <summary>What the public pitch form needs to know about its event; <see cref="IsOpen"/> false when walk-ins may not pitch.</summary>
public sealed record PitchForm(int EventId, string Slug, string EventTitle, bool IsOpen, bool IsModerated);
