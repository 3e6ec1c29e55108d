using System.Globalization;
using System.Net;
using System.Text;
using EventHub.Core.Common;

namespace EventHub.Core.Proceedings;

/// <summary>
/// The book of proceedings as one accessible, printable HTML fragment: a contents list by day, then a heading for each
/// day and under it each session (in board order) with its notes, materials and write-ups. Every text is encoded; the Markdown parts are already sanitised HTML.
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

        var days = book.Days();
        // The contents list is for the screen: a printed book has no use for links (the print rule hides it).
        sb.Append("<nav class=\"proceedings-contents\" aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">Contents</h2><ol>");
        foreach (var (day, sessions) in days)
        {
            sb.Append("<li>").Append(E(day)).Append("<ol>");
            foreach (var s in sessions)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{s.Anchor}\">{E(s.Title)}</a></li>");
            }

            sb.Append("</ol></li>");
        }

        sb.Append("</ol></nav>");
        foreach (var (day, sessions) in days)
        {
            sb.Append("<h2 class=\"proceedings-day\">").Append(E(day)).Append("</h2>");
            foreach (var s in sessions)
            {
                Session(sb, book, s, downloadUrl);
            }
        }

        sb.Append("</article>");
        return sb.ToString();
    }

    private static void Session(StringBuilder sb, ProceedingsBook book, ProceedingsSession s, Func<int, string> downloadUrl)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"{s.Anchor}\"><h3 id=\"{s.Anchor}\">{E(s.Title)}</h3>");
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
            sb.Append("<h4>Materials</h4><ul>");
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
            sb.Append("<h4>Write-ups</h4>");
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

    private static void Section(StringBuilder sb, string heading, string html)
    {
        if (html.Length > 0)
        {
            sb.Append("<h4>").Append(E(heading)).Append("</h4>").Append(html);
        }
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
