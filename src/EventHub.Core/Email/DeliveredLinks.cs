using System.Text.RegularExpressions;
using MimeKit;

namespace EventHub.Core.Email;

/// <summary>
/// Once a message is handed to the SMTP server, the tokens of the links it carried to this site (manage, notes,
/// mailing-list, poll and invitation links) are no longer needed in its payload: each is replaced, so the outbox keeps
/// no working link to act for anyone. Pickup-folder delivery keeps the payload as it is, because the .eml file written
/// there is the delivery itself and holds the same links.
/// </summary>
public static partial class DeliveredLinks
{
    /// <summary>What a removed token reads as in a delivered message's payload.</summary>
    public const string Removed = "removed-after-delivery";

    /// <summary>Shorter segments (ids, short words) are not tokens: SecureTokens are at least 22 characters.</summary>
    private const int MinTokenLength = 16;

    /// <summary>
    /// The payload with every long path or query segment of the message's own links to <paramref name="publicBaseUrl"/>
    /// replaced wherever it appears.
    /// </summary>
    public static string Strip(string payloadJson, MimeMessage sent, string publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var segments = Segments(sent.TextBody, publicBaseUrl).Concat(Segments(sent.HtmlBody, publicBaseUrl)).Distinct(StringComparer.Ordinal);
        var stripped = payloadJson;
        foreach (var segment in segments)
        {
            stripped = stripped.Replace(segment, Removed, StringComparison.Ordinal);
        }

        return stripped;
    }

    private static IEnumerable<string> Segments(string? body, string publicBaseUrl)
    {
        if (string.IsNullOrEmpty(body) || string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            yield break;
        }

        var root = publicBaseUrl.TrimEnd('/') + "/";
        for (var at = body.IndexOf(root, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(root, at + root.Length, StringComparison.OrdinalIgnoreCase))
        {
            var link = Segment().Match(body[(at + root.Length)..]);
            if (!link.Success)
            {
                continue;
            }

            foreach (Match segment in Token().Matches(link.Value))
            {
                if (segment.Length >= MinTokenLength)
                {
                    yield return segment.Value;
                }
            }
        }
    }

    // A link runs until white space, a quote or an angle bracket.
    [GeneratedRegex("^[^\\s\"'<>]+")]
    private static partial Regex Segment();

    // The characters of a URL-safe token (SecureTokens).
    [GeneratedRegex("[A-Za-z0-9_-]+")]
    private static partial Regex Token();
}
