namespace EventHub.Core.Events;

public sealed record AgendaRow(DateTime StartUtc, string TimeLabel, IReadOnlyList<IReadOnlyList<AgendaCell>> Cells);
