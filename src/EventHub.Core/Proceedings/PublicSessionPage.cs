namespace EventHub.Core.Proceedings;

/// <summary>A session's public page: its description and approved write-ups (text already sanitised HTML).</summary>
public sealed record PublicSessionPage(
    string EventSlug, string EventTitle, string TimeZoneId, int SessionId, string Title, string DescriptionHtml,
    string? RoomName, DateTime StartUtc, DateTime EndUtc, IReadOnlyList<WriteUpView> WriteUps);
