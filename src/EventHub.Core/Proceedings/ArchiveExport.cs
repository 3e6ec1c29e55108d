using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using EventHub.Core.Common;

namespace EventHub.Core.Proceedings;

/// <summary>
/// An event's (or a series archive's) record as data to reuse: JSON and CSV of the sessions, their notes, materials and
/// write-ups, each event with the licence its organisers chose. Built from the published book only, so it holds what
/// the public may read: approved, visible material and approved write-ups. Of people, only credited names appear (the
/// convener unless they opted out, and write-up authors); the "who took part" lists are left out.
/// </summary>
public static class ArchiveExport
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static string EventPath(string eventSlug, string extension) => $"/events/{Uri.EscapeDataString(eventSlug)}/proceedings.{extension}";

    public static string SeriesPath(string seriesSlug, string extension) => $"/series/{Uri.EscapeDataString(seriesSlug)}/archive.{extension}";

    public static string FileName(string slug, string extension) => $"{slug}-archive.{extension}";

    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "Event", "Event date", "Session", "Room", "Starts", "Ends", "Convener", "Type", "Title", "Text", "Address", "Licence", "Licence address",
    ];

    /// <param name="siteUrl">The site's address, so links work outside the site.</param>
    /// <param name="downloadPath">The site path of a material file.</param>
    public static string Json(IReadOnlyList<ProceedingsBook> books, string siteUrl, Func<int, string> downloadPath)
    {
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(downloadPath);
        var site = (siteUrl ?? string.Empty).TrimEnd('/');
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("events");
            foreach (var book in books)
            {
                var licence = book.LicenceTerms;
                json.WriteStartObject();
                json.WriteString("title", book.EventTitle);
                json.WriteString("address", $"{site}/events/{book.EventSlug}/proceedings");
                json.WriteString("date", Local(book.StartUtc, book.TimeZoneId).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("timeZone", book.TimeZoneId);
                json.WriteStartObject("licence");
                json.WriteString("name", licence.Name);
                json.WriteString("address", licence.Url);
                json.WriteString("statement", licence.Statement);
                json.WriteEndObject();
                json.WriteStartArray("sessions");
                foreach (var s in book.Sessions)
                {
                    json.WriteStartObject();
                    json.WriteString("title", s.Title);
                    json.WriteString("room", s.RoomName);
                    json.WriteString("starts", Local(s.StartUtc, book.TimeZoneId));
                    json.WriteString("ends", Local(s.EndUtc, book.TimeZoneId));
                    json.WriteString("convener", s.Convener);
                    json.WriteString("keyPoints", s.NotesText.KeyPoints);
                    json.WriteString("actions", s.NotesText.Actions);
                    json.WriteString("links", s.NotesText.Links);
                    var entries = Entries(s, site, downloadPath).ToList();
                    foreach (var (name, list) in new[] { ("materials", entries.Where(e => e.Author is null)), ("writeUps", entries.Where(e => e.Author is not null)) })
                    {
                        json.WriteStartArray(name);
                        foreach (var e in list)
                        {
                            json.WriteStartObject();
                            if (e.Author is { } author)
                            {
                                json.WriteString("author", author);
                                json.WriteString("text", e.Text);
                            }
                            else
                            {
                                json.WriteString("title", e.Title);
                                json.WriteString("kind", e.Type);
                            }

                            json.WriteString("address", e.Address.Length > 0 ? e.Address : null);
                            if (e.File is { } file)
                            {
                                json.WriteString("fileName", file.OriginalName);
                                json.WriteNumber("sizeBytes", file.SizeBytes);
                            }

                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One row per session, per material and per write-up, each carrying its event's licence.</summary>
    public static string Csv(IReadOnlyList<ProceedingsBook> books, string siteUrl, Func<int, string> downloadPath)
    {
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(downloadPath);
        var site = (siteUrl ?? string.Empty).TrimEnd('/');
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        Row(csv, CsvColumns);
        foreach (var book in books)
        {
            var licence = book.LicenceTerms;
            var date = Local(book.StartUtc, book.TimeZoneId).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var s in book.Sessions)
            {
                string[] Cells(string type, string title, string text, string address) =>
                [
                    book.EventTitle, date, s.Title, s.RoomName ?? string.Empty,
                    Local(s.StartUtc, book.TimeZoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Local(s.EndUtc, book.TimeZoneId).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    s.Convener ?? string.Empty, type, title, text, address, licence.Name, licence.Url ?? string.Empty,
                ];

                var notes = string.Join("\n\n", new[] { s.NotesText.KeyPoints, s.NotesText.Actions, s.NotesText.Links }.Where(t => !string.IsNullOrWhiteSpace(t)));
                Row(csv, Cells("session", s.Title, notes, $"{site}/events/{book.EventSlug}/sessions/{s.SessionId}"));
                foreach (var e in Entries(s, site, downloadPath))
                {
                    Row(csv, Cells(e.Type, e.Title, e.Text, e.Address));
                }
            }
        }

        csv.Flush();
        return writer.ToString();
    }

    private static void Row(CsvWriter csv, IEnumerable<string> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(CsvCells.Safe(cell));
        }

        csv.EndRecord();
    }

    /// <summary>A session's materials, then its write-ups, as both exports list them.</summary>
    private static IEnumerable<Entry> Entries(ProceedingsSession s, string site, Func<int, string> downloadPath) =>
        s.Materials.Select(m => m.Kind == MaterialKind.File
                ? new Entry("file", m.Title, string.Empty, site + downloadPath(m.Id), Author: null, File: m)
                : new Entry("link", m.Title, string.Empty, m.Url, Author: null, File: null))
            .Concat(s.WriteUps.Select(w => new Entry("write-up", "Write-up by " + w.AuthorName, w.Text, w.Url, w.AuthorName, File: null)));

    /// <summary>A material (no author; a file has its <see cref="File"/>) or a write-up (its author).</summary>
    private sealed record Entry(string Type, string Title, string Text, string Address, string? Author, MaterialView? File);

    private static DateTime Local(DateTime utc, string zoneId) => EventTime.ToLocal(utc, zoneId);
}
