using System.Globalization;
using CsvHelper;
using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>The attendee list as CSV. Access and dietary details are left out unless the organiser says they need them.</summary>
public static class AttendeeCsv
{
    public static string Write(IReadOnlyList<Booking> bookings, IReadOnlyList<RegistrationQuestion> questions, bool includeNeeds)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        foreach (var h in new[] { "Reference", "Name", "Email", "Organisation", "Job title", "Ticket type", "Attendance", "Status", "Booked (UTC)" })
        {
            csv.WriteField(h);
        }

        foreach (var q in questions)
        {
            csv.WriteField(q.Text);
        }

        if (includeNeeds)
        {
            csv.WriteField("Dietary requirements");
            csv.WriteField("Access needs");
        }

        csv.EndRecord();
        foreach (var b in bookings)
        {
            csv.WriteField(b.Reference);
            csv.WriteField(CsvCells.Safe(b.Name));
            csv.WriteField(CsvCells.Safe(b.Email));
            csv.WriteField(CsvCells.Safe(b.Organisation));
            csv.WriteField(CsvCells.Safe(b.JobTitle));
            csv.WriteField(CsvCells.Safe(b.TicketType?.Name ?? string.Empty));
            csv.WriteField(AttendanceOf(b));
            csv.WriteField(b.Status.ToString());
            csv.WriteField(b.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            foreach (var q in questions)
            {
                csv.WriteField(CsvCells.Safe(b.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value.Replace('\n', ';') ?? string.Empty));
            }

            if (includeNeeds)
            {
                csv.WriteField(CsvCells.Safe(b.DietaryNeeds));
                csv.WriteField(CsvCells.Safe(b.AccessNeeds));
            }

            csv.EndRecord();
        }

        csv.Flush();
        return writer.ToString();
    }

    /// <summary>"In person" or "Online": the booking's ticket type's kind (a booking with no type has a place in the room).</summary>
    private static string AttendanceOf(Booking b) => b.TicketType?.Attendance == Attendance.Online ? "Online" : "In person";
}
