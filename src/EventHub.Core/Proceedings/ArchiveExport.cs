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
                    json.WriteStartArray("materials");
                    foreach (var m in s.Materials)
                    {
                        json.WriteStartObject();
                        json.WriteString("title", m.Title);
                        json.WriteString("kind", m.Kind == MaterialKind.File ? "file" : "link");
                        json.WriteString("address", MaterialAddress(m, site, downloadPath));
                        if (m.Kind == MaterialKind.File)
                        {
                            json.WriteString("fileName", m.OriginalName);
                            json.WriteNumber("sizeBytes", m.SizeBytes);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("writeUps");
                    foreach (var w in s.WriteUps)
                    {
                        json.WriteStartObject();
                        json.WriteString("author", w.AuthorName);
                        json.WriteString("text", w.Text);
                        json.WriteString("address", w.Url.Length > 0 ? w.Url : null);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
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
                foreach (var m in s.Materials)
                {
                    Row(csv, Cells(m.Kind == MaterialKind.File ? "file" : "link", m.Title, string.Empty, MaterialAddress(m, site, downloadPath)));
                }

                foreach (var w in s.WriteUps)
                {
                    Row(csv, Cells("write-up", "Write-up by " + w.AuthorName, w.Text, w.Url));
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

    private static string MaterialAddress(MaterialView m, string site, Func<int, string> downloadPath) =>
        m.Kind == MaterialKind.File ? site + downloadPath(m.Id) : m.Url;

    private static DateTime Local(DateTime utc, string zoneId) => EventTime.ToLocal(utc, zoneId);
}
