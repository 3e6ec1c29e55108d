namespace EventHub.Core.Common;

/// <summary>One page of a list that is paged on the server, with the total for the pager.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);
