using System.Globalization;
using EventHub.Core.Common;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace EventHub.Core.Proceedings;

/// <summary>
/// The book of proceedings as one PDF (PDFsharp, MIT): the sessions in board order (by slot, then room) under a
/// heading for each day, each with its time, room and convener, its notes and its approved write-ups. Plain text:
/// the notes' Markdown is printed as the convener typed it.
/// </summary>
public static class ProceedingsPdf
{
    public const string ContentType = "application/pdf";

    public static string FileName(string eventSlug) => $"{eventSlug}-proceedings.pdf";

    public static string Path(string eventSlug) => $"/events/{Uri.EscapeDataString(eventSlug)}/proceedings.pdf";

    /// <param name="siteUrl">The site's public address, so a file's download address works from the printed page (none when null).</param>
    /// <param name="downloadPath">The site path of a material file.</param>
    public static byte[] Render(ProceedingsBook book, string? siteUrl = null, Func<int, string>? downloadPath = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        var site = siteUrl?.TrimEnd('/');
        ProceedingsFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = $"Proceedings: {book.EventTitle}";
        document.Info.Subject = "Book of proceedings";
        var writer = new PageWriter(document);

        writer.Paragraph($"Proceedings: {book.EventTitle}", writer.Title, after: 6);
        writer.Paragraph($"{EventTime.FormatDate(book.StartUtc, book.TimeZoneId)} · {book.Sessions.Count.ToString(CultureInfo.InvariantCulture)} sessions", writer.Meta, after: 12);

        foreach (var (day, sessions) in book.Days())
        {
            writer.KeepWithNext(60);
            writer.Paragraph(day, writer.Day, before: 10, after: 6);
            foreach (var session in sessions)
            {
                writer.KeepWithNext(50);
                writer.Paragraph(session.Title, writer.Heading, before: 6, after: 2);
                var where = string.Join(" · ", new[] { EventTime.FormatRange(session.StartUtc, session.EndUtc, book.TimeZoneId), session.RoomName, session.Convener is null ? null : "Convener: " + session.Convener }
                    .Where(s => !string.IsNullOrWhiteSpace(s)));
                writer.Paragraph(where, writer.Meta, after: 4);
                Section(writer, "Participants", session.NotesText.Participants);
                Section(writer, "Key points", session.NotesText.KeyPoints);
                Section(writer, "Actions", session.NotesText.Actions);
                Section(writer, "Links", session.NotesText.Links);
                foreach (var material in session.Materials)
                {
                    var address = material.Kind == MaterialKind.Link ? material.Url
                        : site is not null && downloadPath is not null ? $"{material.OriginalName}, {site}{downloadPath(material.Id)}"
                        : material.OriginalName;
                    writer.Paragraph($"Material: {material.Title} ({address})", writer.Body, after: 2);
                }

                foreach (var writeUp in session.WriteUps)
                {
                    Section(writer, $"Write-up by {writeUp.AuthorName}", writeUp.Text);
                }
            }
        }

        writer.Finish();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void Section(PageWriter writer, string heading, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        writer.KeepWithNext(30);
        writer.Paragraph(heading, writer.Label, before: 2, after: 1);
        foreach (var line in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            writer.Paragraph(line, writer.Body, after: 1);
        }
    }

    /// <summary>Lays paragraphs down A4 pages with word wrapping, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private const double Margin = 56;
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public XFont Title { get; } = new(ProceedingsFonts.Family, 20, XFontStyleEx.Bold);

        public XFont Day { get; } = new(ProceedingsFonts.Family, 16, XFontStyleEx.Bold);

        public XFont Heading { get; } = new(ProceedingsFonts.Family, 13, XFontStyleEx.Bold);

        public XFont Label { get; } = new(ProceedingsFonts.Family, 10.5, XFontStyleEx.Bold);

        public XFont Body { get; } = new(ProceedingsFonts.Family, 10.5, XFontStyleEx.Regular);

        public XFont Meta { get; } = new(ProceedingsFonts.Family, 9.5, XFontStyleEx.Regular);

        private double Width => _page!.Width.Point - (2 * Margin);

        private double Bottom => _page!.Height.Point - Margin;

        /// <summary>Starts a new page unless <paramref name="height"/> points are left (a heading stays with what follows).</summary>
        public void KeepWithNext(double height)
        {
            if (_graphics is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        public void Paragraph(string text, XFont font, double before = 0, double after = 0)
        {
            if (_graphics is null)
            {
                NewPage();
            }

            _y += before;
            var lineHeight = font.GetHeight() * 1.15;
            foreach (var line in Wrap(text, font))
            {
                if (_y + lineHeight > Bottom)
                {
                    NewPage();
                }

                _graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }

            _y += after;
        }

        public void Finish() => _graphics?.Dispose();

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private List<string> Wrap(string text, XFont font)
        {
            var lines = new List<string>();
            var current = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (Fits(candidate, font))
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                // A word longer than the line (a long link) is broken where it must be.
                while (!Fits(current, font) && current.Length > 1)
                {
                    var cut = current.Length - 1;
                    while (cut > 1 && !Fits(current[..cut], font))
                    {
                        cut--;
                    }

                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
            return lines;
        }

        private bool Fits(string text, XFont font) => _graphics!.MeasureString(text, font).Width <= Width;
    }
}
