using System.Globalization;
using CsvHelper;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.CheckIn;

/// <summary>After the event: who came, per ticket type and per organisation.</summary>
public sealed class AttendanceService(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public const string NoTicketType = "Standard";
    public const string NoOrganisation = "(none given)";

    /// <summary>
    /// Figures only, no names: those who may read the event's figures (Viewer and up) get them. Attendance counts over
    /// places in the room (<see cref="BookedPlace.InPerson"/>): confirmed online places are counted apart, never as no-shows.
    /// </summary>
    public async Task<Outcome<AttendanceReport>> ReportAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await CheckInAccess.CheckAsync(db, actor, eventId, Permission.ViewFigures, ct) is { } refusal)
        {
            return Outcome<AttendanceReport>.Refused(refusal);
        }

        var confirmed = db.Set<Bookings.Booking>().AsNoTracking().Where(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed);
        var online = await confirmed.CountAsync(BookedPlace.Online, ct);
        var rows = await confirmed.Where(BookedPlace.InPerson)
            .Select(b => new
            {
                TicketType = b.TicketType != null ? b.TicketType.Name : null,
                b.Organisation,
                Attended = db.Set<CheckInRecord>().Any(c => c.BookingId == b.Id),
            })
            .ToListAsync(ct);

        static List<AttendanceRow> Group<T>(IEnumerable<T> source, Func<T, string> key, Func<T, bool> attended) =>
            source.GroupBy(key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new AttendanceRow(g.Key, g.Count(), g.Count(attended)))
                .OrderByDescending(r => r.Confirmed).ThenBy(r => r.Group, StringComparer.CurrentCultureIgnoreCase)
                .ToList();

        var total = new AttendanceRow("All", rows.Count, rows.Count(r => r.Attended));
        var byType = Group(rows, r => r.TicketType ?? NoTicketType, r => r.Attended);
        var byOrg = Group(rows, r => string.IsNullOrWhiteSpace(r.Organisation) ? NoOrganisation : r.Organisation.Trim(), r => r.Attended);
        return Outcome<AttendanceReport>.Ok(new AttendanceReport(total, byType, byOrg, online));
    }

    /// <summary>The figures as CSV: one section column ("Ticket type" / "Organisation"), then the numbers.</summary>
    public static string ToCsv(AttendanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        foreach (var h in new[] { "Breakdown", "Group", "Confirmed", "Attended", "No-shows", "Attendance %" })
        {
            csv.WriteField(h);
        }

        csv.EndRecord();
        void Write(string breakdown, AttendanceRow r)
        {
            csv.WriteField(breakdown);
            csv.WriteField(CsvCells.Safe(r.Group));
            csv.WriteField(r.Confirmed.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Attended.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.NoShows.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Math.Round(r.AttendanceRate * 100, 1).ToString("0.0", CultureInfo.InvariantCulture));
            csv.EndRecord();
        }

        Write("Total", report.Total);
        foreach (var r in report.ByTicketType)
        {
            Write("Ticket type", r);
        }

        foreach (var r in report.ByOrganisation)
        {
            Write("Organisation", r);
        }

        if (report.OnlineConfirmed > 0)
        {
            // Online places never come through the door: their number only, with no attendance figures.
            csv.WriteField("Online");
            csv.WriteField("Confirmed online places");
            csv.WriteField(report.OnlineConfirmed.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(string.Empty);
            csv.WriteField(string.Empty);
            csv.WriteField(string.Empty);
            csv.EndRecord();
        }

        csv.Flush();
        return writer.ToString();
    }

}
