using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using EventHub.Core.Common;

namespace EventHub.Core.Privacy;

/// <summary>
/// A subject-access answer in three forms: JSON for machines, a plain HTML page a person can read, and a CSV summary
/// (one row per detail) to open in a spreadsheet.
/// </summary>
public static class PersonDataExport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string ToJson(PersonData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return JsonSerializer.Serialize(new
        {
            email = data.Email,
            gatheredUtc = data.GatheredUtc,
            records = data.Records.Select(r => new
            {
                kind = r.Kind,
                where = r.Where,
                whenUtc = r.WhenUtc,
                details = r.Details.ToDictionary(d => d.Key, d => d.Value),
            }),
        }, Json);
    }

    public static string ToHtml(PersonData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        static string E(string? s) => WebUtility.HtmlEncode(s ?? string.Empty);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>What EventHub holds about ")
            .Append(E(data.Email)).Append("</title></head><body><main><h1>What EventHub holds about ").Append(E(data.Email)).Append("</h1>")
            .Append("<p>Gathered ").Append(E(EventTime.FormatDateTime(data.GatheredUtc, null))).Append(". ")
            .Append(data.IsEmpty ? "Nothing is held about this address." : $"{data.Records.Count} record(s).").Append("</p>");
        foreach (var r in data.Records)
        {
            html.Append("<section><h2>").Append(E(r.Kind)).Append(": ").Append(E(r.Where)).Append("</h2>");
            if (r.WhenUtc is { } when)
            {
                html.Append("<p>").Append(E(EventTime.FormatDateTime(when, r.TimeZoneId))).Append("</p>");
            }

            html.Append("<dl>");
            foreach (var d in r.Details)
            {
                html.Append("<dt>").Append(E(d.Key)).Append("</dt><dd>").Append(d.Value.Length == 0 ? "(none)" : E(d.Value)).Append("</dd>");
            }

            html.Append("</dl></section>");
        }

        return html.Append("</main></body></html>").ToString();
    }

    /// <summary>One row per detail held: what, where, when (in the event's zone), and the labelled value. Cells are formula-safe.</summary>
    public static string ToCsv(PersonData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        foreach (var h in new[] { "Email", "What", "Where", "When", "Detail", "Value" })
        {
            csv.WriteField(h);
        }

        csv.EndRecord();
        foreach (var r in data.Records)
        {
            var when = r.WhenUtc is { } w ? EventTime.FormatDateTime(w, r.TimeZoneId) : string.Empty;
            IEnumerable<KeyValuePair<string, string>> details = r.Details.Count > 0 ? r.Details : [new(string.Empty, string.Empty)];
            foreach (var d in details)
            {
                foreach (var cell in new[] { data.Email, r.Kind, r.Where, when, d.Key, d.Value.ReplaceLineEndings(" ") })
                {
                    csv.WriteField(CsvCells.Safe(cell));
                }

                csv.EndRecord();
            }
        }

        csv.Flush();
        return writer.ToString();
    }
}
