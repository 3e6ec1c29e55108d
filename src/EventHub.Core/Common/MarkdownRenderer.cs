using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EventHub.Core.Common;

/// <summary>
/// Turns user Markdown into HTML that is safe to render: raw HTML in the input is escaped by Markdig,
/// and the output is sanitised again so javascript: links and event handlers never survive.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        lock (Sanitizer)
        {
            return Sanitizer.Sanitize(html);
        }
    }

    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? string.Empty : Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>
    /// User Markdown kept as Markdown for a file others will open in a Markdown viewer: raw HTML is escaped so a viewer
    /// shows it as text, and links whose scheme is not http, https or mailto become their plain label.
    /// </summary>
    public static string ToSafeMarkdown(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var document = Markdown.Parse(text, SourcePipeline);
        var edits = new List<(int Start, int End, string Replacement)>();
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HtmlBlock or HtmlInline:
                    edits.Add((node.Span.Start, node.Span.End, EscapeHtml(Slice(text, node.Span))));
                    break;
                case AutolinkInline auto when !IsSafeUrl(auto.Url):
                    edits.Add((auto.Span.Start, auto.Span.End, EscapeHtml(Slice(text, auto.Span))));
                    break;
                case LinkInline link when !IsSafeUrl(link.Url):
                    var label = link.FirstChild is { } first && link.LastChild is { } last
                        ? EscapeHtml(text[first.Span.Start..(last.Span.End + 1)])
                        : string.Empty;
                    edits.Add((link.Span.Start, link.Span.End, label));
                    break;
                case LinkReferenceDefinition definition when !IsSafeUrl(definition.Url):
                    edits.Add((definition.Span.Start, definition.Span.End, string.Empty));
                    break;
            }
        }

        var sb = new StringBuilder(text);
        var kept = new List<(int Start, int End, string Replacement)>();
        foreach (var edit in edits.Where(e => e.Start >= 0 && e.End >= e.Start && e.End < text.Length).OrderBy(e => e.Start).ThenByDescending(e => e.End))
        {
            if (kept.Count == 0 || edit.Start > kept[^1].End)
            {
                kept.Add(edit);
            }
        }

        for (var i = kept.Count - 1; i >= 0; i--)
        {
            sb.Remove(kept[i].Start, kept[i].End - kept[i].Start + 1).Insert(kept[i].Start, kept[i].Replacement);
        }

        return sb.ToString();
    }

    /// <summary>Plain text (a title, a name) that a Markdown viewer shows exactly as written, on one line.</summary>
    public static string EscapeMarkdownText(string? text)
    {
        var sb = new StringBuilder();
        foreach (var c in (text ?? string.Empty).ReplaceLineEndings(" ").Trim())
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '<' or '>' or '(' or ')' or '#' or '|' or '~' or '&')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Relative links, and absolute http, https and mailto links; nothing a viewer could run.</summary>
    private static bool IsSafeUrl(string? url)
    {
        var value = (url ?? string.Empty).Trim();
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var firstPathChar = value.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstPathChar >= 0 && firstPathChar < colon))
        {
            return true;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    private static string Slice(string text, SourceSpan span) => text[span.Start..(span.End + 1)];

    private static string EscapeHtml(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal);

    // Parsed with raw HTML recognised, so that it can be found and escaped.
    private static readonly MarkdownPipeline SourcePipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a)
            {
                // A link whose address was removed (an unsafe scheme) would still look like a link that goes nowhere:
                // keep only its text.
                if (!a.HasAttribute("href"))
                {
                    foreach (var child in a.ChildNodes.ToList())
                    {
                        e.ReplacementNodes.Add(child.Clone(deep: true));
                    }

                    return;
                }

                a.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
