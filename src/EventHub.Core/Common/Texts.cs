namespace EventHub.Core.Common;

/// <summary>Small string helpers shared by features.</summary>
public static class Texts
{
    /// <summary>The value cut to at most <paramref name="max"/> characters, so it fits its column.</summary>
    public static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
