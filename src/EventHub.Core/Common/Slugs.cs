using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EventHub.Core.Common;

/// <summary>URL slugs: lower-case ASCII letters, digits and single hyphens.</summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    public static string FromTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return string.Empty;
        }

        // Strip accents (é → e) before dropping everything that is not a letter or digit.
        var decomposed = title.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c == '&')
            {
                sb.Append("-and-");
                continue;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        var slug = MultipleHyphens().Replace(sb.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && ValidSlug().IsMatch(slug);

    /// <summary>Adds "-2", "-3"… until <paramref name="isTaken"/> says the slug is free.</summary>
    public static async Task<string> MakeUniqueAsync(string slug, Func<string, Task<bool>> isTaken)
    {
        var candidate = slug;
        for (var n = 2; await isTaken(candidate); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var stem = slug.Length + suffix.Length > MaxLength ? slug[..(MaxLength - suffix.Length)].TrimEnd('-') : slug;
            candidate = stem + suffix;
        }

        return candidate;
    }

    [GeneratedRegex("-{2,}")]
    private static partial Regex MultipleHyphens();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ValidSlug();
}
