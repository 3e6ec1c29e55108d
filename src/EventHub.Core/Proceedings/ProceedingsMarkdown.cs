using System.Globalization;
using System.Text;
using EventHub.Core.Common;

namespace EventHub.Core.Proceedings;

/// <summary>
/// The book of proceedings as one Markdown file to download: the title and date, then each day and each session in
/// board order with its time (in the event's zone), room, notes, materials and write-ups. What people wrote stays
/// Markdown, with raw HTML escaped and unsafe links reduced to text; names and titles are escaped as plain text.
/// </summary>
public static class ProceedingsMarkdown
{
    public const string ContentType = "text/markdown; charset=utf-8";

    public static string FileName(string eventSlug) => $"{eventSlug}-proceedings.md";

    public static string Path(string eventSlug) => $"/events/{Uri.EscapeDataString(eventSlug)}/proceedings.md";

    /// <param name="book">The book as the reader may see it.</param>
    /// <param name="siteUrl">The site's address ("https://events.example.org"), so links work outside the site.</param>
    /// <param name="downloadPath">The site path of a material file.</param>
    public static string Render(ProceedingsBook book, string siteUrl, Func<int, string> downloadPath)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(downloadPath);
        var site = (siteUrl ?? string.Empty).TrimEnd('/');
        var sb = new StringBuilder();
        Line(sb, "# Proceedings: " + T(book.EventTitle));
        Line(sb, T(EventTime.FormatDate(book.StartUtc, book.TimeZoneId)) + " · " + book.Sessions.Count.ToString(CultureInfo.InvariantCulture)
            + (book.Sessions.Count == 1 ? " session" : " sessions"));

        foreach (var (day, sessions) in book.Days())
        {
            Line(sb, "## " + T(day));
            foreach (var s in sessions)
            {
                Line(sb, "### " + T(s.Title));
                Line(sb, T(EventTime.FormatRange(s.StartUtc, s.EndUtc, book.TimeZoneId)) + (s.RoomName is null ? string.Empty : ", " + T(s.RoomName)));
                if (s.Convener is not null)
                {
                    Line(sb, "Convened by " + T(s.Convener));
                }

                Section(sb, "Who took part", s.NotesText.Participants);
                Section(sb, "Key points", s.NotesText.KeyPoints);
                Section(sb, "Actions", s.NotesText.Actions);
                Section(sb, "Links", s.NotesText.Links);
                if (s.Materials.Count > 0)
                {
                    Line(sb, "#### Materials");
                    var items = s.Materials.Select(m => m.Kind == MaterialKind.File
                        ? "- " + Link(m.Title, site + downloadPath(m.Id)) + " (" + T(m.OriginalName) + ", " + T(ProceedingsRules.FormatSize(m.SizeBytes)) + ")"
                        : "- " + Link(m.Title, m.Url));
                    Line(sb, string.Join('\n', items));
                }

                if (s.WriteUps.Count > 0)
                {
                    Line(sb, "#### Write-ups");
                    foreach (var w in s.WriteUps)
                    {
                        Line(sb, "By " + T(w.AuthorName));
                        if (MarkdownRenderer.ToSafeMarkdown(w.Text) is { Length: > 0 } text)
                        {
                            Line(sb, text);
                        }

                        if (w.Url.Length > 0)
                        {
                            Line(sb, Link($"Read {w.AuthorName}'s write-up", w.Url));
                        }
                    }
                }
            }
        }

        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string heading, string markdown)
    {
        if (MarkdownRenderer.ToSafeMarkdown(markdown) is { Length: > 0 } safe)
        {
            Line(sb, "#### " + heading);
            Line(sb, safe);
        }
    }

    /// <summary>A link when the address is a safe absolute one, otherwise just the text.</summary>
    private static string Link(string text, string url) =>
        ProceedingsRules.IsSafeLink(url) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            ? $"[{T(text)}]({uri.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)})"
            : T(text);

    private static string T(string text) => MarkdownRenderer.EscapeMarkdownText(text);

    private static void Line(StringBuilder sb, string block) => sb.Append(block).Append("\n\n");
}
