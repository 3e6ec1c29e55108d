namespace EventHub.Core.Events;

public sealed record PublicEventPage(Event Event, AgendaGrid Agenda, IReadOnlyList<Session> Sessions, string SummaryHtml);
