using System.Globalization;
using System.Net;
using System.Text;
using EventHub.Core.Common;

namespace EventHub.Core.Proceedings;

/// <summary>
/// The book of proceedings as one accessible, printable HTML fragment: a contents list, then each session with its
/// notes, materials and write-ups. Every text is encoded; the Markdown parts are already sanitised HTML.
/// </summary>
public static class ProceedingsHtml
{
    public static string Render(ProceedingsBook book, Func<int, string> downloadUrl)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(downloadUrl);
        var sb = new StringBuilder();
        sb.Append("<article class=\"proceedings\">");
        if (book.SummaryHtml.Length > 0)
        {
            sb.Append("<div class=\"proceedings-summary\">").Append(book.SummaryHtml).Append("</div>");
        }

        sb.Append("<nav aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2><ol>");
        foreach (var s in book.Sessions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{s.Anchor}\">{E(s.Title)}</a></li>");
        }

        sb.Append("</ol></nav>");
        foreach (var s in book.Sessions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{s.Anchor}\"><h2 id=\"{s.Anchor}\">{E(s.Title)}</h2>");
            sb.Append("<p class=\"proceedings-meta\">").Append(E(EventTime.FormatRange(s.StartUtc, s.EndUtc, book.TimeZoneId)));
            if (s.RoomName is not null)
            {
                sb.Append(", ").Append(E(s.RoomName));
            }

            sb.Append("</p>");
            if (s.Convener is not null)
            {
                sb.Append("<p>Convened by ").Append(E(s.Convener)).Append("</p>");
            }

            Section(sb, "Who took part", s.ParticipantsHtml);
            Section(sb, "Key points", s.KeyPointsHtml);
            Section(sb, "Actions", s.ActionsHtml);
            Section(sb, "Links", s.LinksHtml);
            if (s.Materials.Count > 0)
            {
                sb.Append("<h3>Materials</h3><ul>");
                foreach (var m in s.Materials)
                {
                    if (m.Kind == MaterialKind.File)
                    {
                        sb.Append(CultureInfo.InvariantCulture,
                            $"<li><a href=\"{E(downloadUrl(m.Id))}\" download>{E(m.Title)}</a> ({E(m.OriginalName)}, {E(ProceedingsRules.FormatSize(m.SizeBytes))})</li>");
                    }
                    else
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(m.Url)}\" rel=\"nofollow noopener noreferrer\">{E(m.Title)}</a></li>");
                    }
                }

                sb.Append("</ul>");
            }

            if (s.WriteUps.Count > 0)
            {
                sb.Append("<h3>Write-ups</h3>");
                foreach (var w in s.WriteUps)
                {
                    sb.Append("<div class=\"proceedings-writeup\"><p>By ").Append(E(w.AuthorName)).Append("</p>").Append(w.TextHtml);
                    if (w.Url.Length > 0)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(w.Url)}\" rel=\"nofollow noopener noreferrer\">Read {E(w.AuthorName)}'s write-up</a></p>");
                    }

                    sb.Append("</div>");
                }
            }

            sb.Append(CultureInfo.InvariantCulture,
                $"<p class=\"proceedings-writeup-link\"><a href=\"/events/{Uri.EscapeDataString(book.EventSlug)}/sessions/{s.SessionId}\">Add your write-up of “{E(s.Title)}”</a></p>");
            sb.Append("</section>");
        }

        sb.Append("</article>");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string heading, string html)
    {
        if (html.Length > 0)
        {
            sb.Append("<h3>").Append(E(heading)).Append("</h3>").Append(html);
        }
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
