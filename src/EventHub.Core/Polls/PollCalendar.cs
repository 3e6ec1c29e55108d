using System.Globalization;
using System.Text;

namespace EventHub.Core.Polls;

/// <summary>A minimal iCalendar (RFC 5545) invite for one event, written by hand: times in UTC, text escaped, lines folded.</summary>
public static class PollCalendar
{
    public static string Invite(string uid, string title, string description, string location, DateTime startUtc, DateTime endUtc, DateTime stampUtc, string? url)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//EventHub//Polls//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "BEGIN:VEVENT");
        Line(sb, "UID:" + Escape(uid));
        Line(sb, "DTSTAMP:" + Utc(stampUtc));
        Line(sb, "DTSTART:" + Utc(startUtc));
        Line(sb, "DTEND:" + Utc(endUtc));
        Line(sb, "SUMMARY:" + Escape(title));
        if (!string.IsNullOrWhiteSpace(description))
        {
            Line(sb, "DESCRIPTION:" + Escape(description));
        }

        if (!string.IsNullOrWhiteSpace(location))
        {
            Line(sb, "LOCATION:" + Escape(location));
        }

        if (!string.IsNullOrWhiteSpace(url))
        {
            Line(sb, "URL:" + url);
        }

        Line(sb, "END:VEVENT");
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    private static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Lines end in CRLF and fold at 75 octets (continuation lines start with a space).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var bytes = 0;
        foreach (var ch in line)
        {
            var size = Encoding.UTF8.GetByteCount([ch]);
            if (bytes + size > 75 && !char.IsLowSurrogate(ch))
            {
                sb.Append("\r\n ");
                bytes = 1;
            }

            sb.Append(ch);
            bytes += size;
        }

        sb.Append("\r\n");
    }
}
