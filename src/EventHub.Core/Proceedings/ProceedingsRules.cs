using System.IO.Compression;
using System.Text;
using EventHub.Core.Events;

namespace EventHub.Core.Proceedings;

/// <summary>Pure rules for the record of the day: limits, upload checks, names and links.</summary>
public static class ProceedingsRules
{
    /// <summary>A file size as people read it: "1.5 MB", "200 KB".</summary>
    public static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024
            ? (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : (bytes / 1024.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " KB";

    public const int MaxShortSection = 500;

    /// <summary>The longest name a write-up is credited to.</summary>
    public const int MaxAuthorNameLength = 200;
    public const int MaxSection = 20_000;
    public const int MaxUrlLength = 500;
    public const int MaxFileNameLength = 200;
    public const int MaxWriteUpLength = 5_000;
    public const long MaxAllowedUploadBytes = 200L * 1024 * 1024;

    public static readonly AcceptedFileType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly AcceptedFileType Png = new("PNG", "image/png", [".png"]);
    public static readonly AcceptedFileType Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AcceptedFileType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly AcceptedFileType Pptx = new("PPTX", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly AcceptedFileType Odp = new("ODP", "application/vnd.oasis.opendocument.presentation", [".odp"]);

    public static IReadOnlyList<AcceptedFileType> Accepted { get; } = [Pdf, Pptx, Odp, Docx, Png, Jpeg];

    /// <summary>What the browser's file picker should offer (a hint only: the content decides).</summary>
    public static string AcceptAttribute => string.Join(',', Accepted.SelectMany(t => t.Extensions));

    /// <summary>
    /// Refuses names that try to say where the file goes (folders, "..", drive letters) or carry control characters.
    /// Browsers send a bare name, so anything else is a hand-made request.
    /// </summary>
    public static bool IsPlainFileName(string? name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.Length <= 255
        && name.IndexOfAny(['/', '\\', ':', '\0']) < 0
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.Any(char.IsControl)
        && name.Trim() is not ("." or "..");

    /// <summary>A download name safe for any header or file system: letters, digits, spaces, dot, dash, underscore.</summary>
    public static string SanitiseFileName(string? name, AcceptedFileType type)
    {
        var baseName = Path.GetFileNameWithoutExtension((name ?? string.Empty).Replace('\\', '/').Split('/')[^1]);
        var sb = new StringBuilder(baseName.Length);
        foreach (var c in baseName.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ' ')
            {
                sb.Append(c);
            }
            else if (c is '.' or '(' or ')' or ',')
            {
                sb.Append('-');
            }
        }

        var clean = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('-', ' ');
        if (clean.Length == 0)
        {
            clean = "material";
        }

        var extension = Path.GetExtension(name ?? string.Empty).ToLowerInvariant();
        if (!type.Extensions.Contains(extension))
        {
            extension = type.Extensions[0];
        }

        var max = MaxFileNameLength - extension.Length;
        return (clean.Length > max ? clean[..max] : clean) + extension;
    }

    /// <summary>
    /// Recognises an accepted type from the first bytes (and, for ZIP-based office files, the package's own
    /// description of itself). Null when the content is none of them.
    /// </summary>
    public static AcceptedFileType? Sniff(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        content.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            var type = SniffZip(content);
            content.Position = 0;
            return type;
        }

        return null;
    }

    private static AcceptedFileType? SniffZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);

            // OpenDocument: the first entry is an uncompressed "mimetype" naming the document type.
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null && mimetype.Length < 200)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return reader.ReadToEnd().Trim() == Odp.ContentType ? Odp : null;
            }

            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > 1_000_000)
            {
                return null;
            }

            using var typesReader = new StreamReader(types.Open(), Encoding.UTF8);
            var xml = typesReader.ReadToEnd();
            if (xml.Contains("presentationml.presentation.main+xml", StringComparison.Ordinal) && zip.GetEntry("ppt/presentation.xml") is not null)
            {
                return Pptx;
            }

            if (xml.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal) && zip.GetEntry("word/document.xml") is not null)
            {
                return Docx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>An http(s) address we are happy to link to from a public page.</summary>
    public static bool IsSafeLink(string? url) =>
        !string.IsNullOrWhiteSpace(url)
        && url.Trim().Length <= MaxUrlLength
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>
    /// Sessions as the board showed them: by start (an Open Space session starts when its board slot does, so this is
    /// day then slot), then by the rooms' order on the board, sessions without a room last; title and id only break ties.
    /// </summary>
    public static IReadOnlyList<Session> InBoardOrder(IEnumerable<Session> sessions, IEnumerable<Room> rooms)
    {
        var position = rooms.OrderBy(r => r.SortOrder).ThenBy(r => r.Id).Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. sessions
            .OrderBy(s => s.StartUtc)
            .ThenBy(s => s.RoomId is { } id && position.TryGetValue(id, out var p) ? p : int.MaxValue)
            .ThenBy(s => s.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Id)];
    }

    /// <summary>A Content-Disposition value that cannot break the header: ASCII fallback plus RFC 5987 name.</summary>
    public static string ContentDisposition(string downloadName)
    {
        var ascii = new string((downloadName ?? "material").Select(c => c is >= ' ' and < (char)127 and not '"' and not '\\' and not ';' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(downloadName ?? "material")}";
    }
}
