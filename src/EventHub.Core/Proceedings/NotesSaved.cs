namespace EventHub.Core.Proceedings;

public sealed record NotesSaved(int Revision, DateTime SavedUtc);
