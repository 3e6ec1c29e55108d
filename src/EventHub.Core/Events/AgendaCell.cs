namespace EventHub.Core.Events;

public sealed record AgendaCell(int SessionId, string Title, string Speakers, DateTime StartUtc, DateTime EndUtc, string TimeLabel, int? Capacity);
