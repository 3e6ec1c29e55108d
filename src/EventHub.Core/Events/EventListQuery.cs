namespace EventHub.Core.Events;

public sealed record EventListQuery(string? Search = null, EventStatus? Status = null, int Page = 0, int PageSize = 25);
