using System.Net;
using System.Text;

namespace EventHub.Core.Email.Rendering;

/// <summary>
/// Writes a message once and gets a plain-text part and an HTML part that say the same thing. The HTML uses inline
/// styles and system fonts only: no external images, fonts or stylesheets.
/// </summary>
public sealed class EmailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public EmailBody Heading(string heading)
    {
        _text.AppendLine(heading).AppendLine(new string('=', Math.Min(heading.Length, 70))).AppendLine();
        _html.Append("<h1 style=\"font-size:24px;line-height:1.25;margin:0 0 16px\">").Append(E(heading)).Append("</h1>");
        return this;
    }

    public EmailBody Paragraph(string text)
    {
        _text.AppendLine(text).AppendLine();
        _html.Append("<p style=\"margin:0 0 16px\">").Append(E(text)).Append("</p>");
        return this;
    }

    /// <summary>Label and value rows, e.g. date, venue, reference.</summary>
    public EmailBody Details(params (string Label, string? Value)[] rows)
    {
        _html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 16px\">");
        foreach (var (label, value) in rows)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            _text.Append(label).Append(": ").AppendLine(value);
            _html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold\">")
                .Append(E(label)).Append("</th><td style=\"padding:4px 0\">").Append(E(value).Replace("\n", "<br>", StringComparison.Ordinal))
                .Append("</td></tr>");
        }

        _html.Append("</table>");
        _text.AppendLine();
        return this;
    }

    /// <summary>A call to action: a button in HTML, the label and full address in text.</summary>
    public EmailBody Link(string label, string url)
    {
        _text.Append(label).AppendLine(":").AppendLine(url).AppendLine();
        _html.Append("<p style=\"margin:0 0 16px\"><a href=\"").Append(E(url))
            .Append("\" style=\"display:inline-block;background:#00703c;color:#ffffff;padding:8px 16px;text-decoration:none;font-weight:bold\">")
            .Append(E(label)).Append("</a></p>");
        return this;
    }

    /// <summary>An inline image carried in the message itself (<c>cid:</c>), never fetched from a server.</summary>
    public EmailBody Image(string contentId, string alt, int size, string textInstead)
    {
        _text.AppendLine(textInstead).AppendLine();
        _html.Append("<p style=\"margin:0 0 16px\"><img src=\"cid:").Append(E(contentId)).Append("\" alt=\"").Append(E(alt))
            .Append("\" width=\"").Append(size).Append("\" height=\"").Append(size).Append("\"></p>");
        return this;
    }

    /// <summary>Content that already exists in both forms, e.g. an organiser's Markdown (sanitised HTML).</summary>
    public EmailBody Raw(string text, string safeHtml)
    {
        _text.AppendLine(text).AppendLine();
        _html.Append(safeHtml);
        return this;
    }

    public (string Text, string Html) Build(string title, string footer)
    {
        var text = _text.ToString().TrimEnd() + Environment.NewLine + Environment.NewLine + "--" + Environment.NewLine + footer + Environment.NewLine;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
            .Append(E(title))
            .Append("</title></head><body style=\"margin:0;padding:0;background:#ffffff;color:#0b0c0c;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5\">")
            .Append("<div style=\"max-width:600px;margin:0 auto;padding:16px\">")
            .Append(_html)
            .Append("<hr style=\"border:0;border-top:1px solid #b1b4b6;margin:24px 0 16px\"><p style=\"margin:0;color:#505a5f;font-size:14px\">")
            .Append(E(footer))
            .Append("</p></div></body></html>")
            .ToString();
        return (text.Replace("\r\n", "\n", StringComparison.Ordinal), html);
    }

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
