namespace EventHub.Core.Proceedings;

/// <summary>A session's working notes links, as the after-the-day page shows them (never the links themselves).</summary>
public sealed record NotesLinkState(int SessionId, int Count, DateTime LastMadeUtc);
