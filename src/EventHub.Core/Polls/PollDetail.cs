namespace EventHub.Core.Polls;

/// <summary>The organiser's view of one poll.</summary>
public sealed record PollDetail(PollView View, string? SeriesName, int? EventId, string? EventTitle, DateTime? FinalisedUtc, DateTime CreatedUtc);
