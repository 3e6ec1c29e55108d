namespace EventHub.Core.Common;

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
