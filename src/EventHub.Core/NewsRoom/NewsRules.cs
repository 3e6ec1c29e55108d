using EventHub.Core.Common;

namespace EventHub.Core.NewsRoom;

/// <summary>What an announcement may be: short plain text on one line, and not too many from one person at once.</summary>
public static class NewsRules
{
    public const int MaxLength = 280;

    public const int MaxNameLength = 200;

    /// <summary>Posts one organiser may make on one event in <see cref="Window"/> (as many as proposals from one address).</summary>
    public const int PostsPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>The text as it will be shown: line breaks and runs of spaces become single spaces.</summary>
    public static string Clean(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Why <paramref name="cleaned"/> cannot be posted, or null.</summary>
    public static Refusal? Check(string cleaned, int postedInWindow) =>
        cleaned.Length == 0 ? NewsErrors.TextMissing
        : cleaned.Length > MaxLength ? NewsErrors.TextTooLong
        : postedInWindow >= PostsPerWindow ? NewsErrors.TooMany
        : null;
}
