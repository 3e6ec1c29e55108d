namespace EventHub.Core.NewsRoom;

/// <summary>An announcement as the projector, the phone board and the proceedings show it.</summary>
public sealed record AnnouncementView(int Id, string Text, string PostedBy, DateTime PostedUtc);
