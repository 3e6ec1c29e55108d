namespace EventHub.Core.Common;

/// <summary>One page of a list that is paged on the server, with the total for the pager.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize);

public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Skip, int Take) Window(int page, int pageSize)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var p = Math.Max(0, page);
        return (p * size, size);
    }
}
