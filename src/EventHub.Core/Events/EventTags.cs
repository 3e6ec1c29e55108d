using EventHub.Core.Common;

namespace EventHub.Core.Events;

/// <summary>
/// Tags on an event ("digital", "housing"): typed as a comma-separated list, each made a web-address word
/// (<see cref="Slugs.FromTitle"/>), and stored in one column as ",digital,housing," so "events with this tag" is one
/// <c>Contains</c> that both engines translate. A site has tens of upcoming events, not thousands, so no index is needed.
/// </summary>
public static class EventTags
{
    public const int MaxTags = 10;

    public const int MaxTagLength = 30;

    /// <summary>The column's length: every tag at its longest with its commas.</summary>
    public const int MaxStoredLength = (MaxTags * (MaxTagLength + 1)) + 1;

    /// <summary>The tags typed, in order and each once, or the refusal of the field (the typed text is left to the form).</summary>
    public static IReadOnlyList<string> Parse(string? typed, out string? error)
    {
        error = null;
        var tags = new List<string>();
        foreach (var part in (typed ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > MaxTagLength)
            {
                error = $"Each tag must be {MaxTagLength} characters or fewer (\"{part[..20]}…\" is longer)";
                return [];
            }

            var tag = Slugs.FromTitle(part);
            if (tag.Length == 0)
            {
                error = $"Tags must have letters or numbers in them (\"{part}\" has none)";
                return [];
            }

            if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        if (tags.Count > MaxTags)
        {
            error = $"An event can have at most {MaxTags} tags";
            return [];
        }

        return tags;
    }

    /// <summary>The stored form of <paramref name="tags"/>: empty for none.</summary>
    public static string Store(IReadOnlyList<string> tags) => tags.Count == 0 ? string.Empty : "," + string.Join(',', tags) + ",";

    /// <summary>The tags held in a stored column.</summary>
    public static IReadOnlyList<string> Read(string? stored) =>
        (stored ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What a query looks for in the column to find one tag (a whole tag, never part of a longer one).</summary>
    public static string Needle(string tag) => "," + tag + ",";

    /// <summary>As the organiser typed them back: "digital, housing".</summary>
    public static string ForInput(string? stored) => string.Join(", ", Read(stored));
}
