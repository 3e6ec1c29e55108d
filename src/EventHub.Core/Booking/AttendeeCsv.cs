using System.Globalization;
using CsvHelper;

namespace EventHub.Core.Booking;

/// <summary>The attendee list as CSV. Access and dietary details are left out unless the organiser says they need them.</summary>
public static class AttendeeCsv
{
    public static string Write(IReadOnlyList<Booking> bookings, IReadOnlyList<RegistrationQuestion> questions, bool includeNeeds)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        foreach (var h in new[] { "Reference", "Name", "Email", "Organisation", "Job title", "Ticket type", "Status", "Booked (UTC)" })
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
            csv.WriteField(Safe(b.Name));
            csv.WriteField(Safe(b.Email));
            csv.WriteField(Safe(b.Organisation));
            csv.WriteField(Safe(b.JobTitle));
            csv.WriteField(Safe(b.TicketType?.Name ?? string.Empty));
            csv.WriteField(b.Status.ToString());
            csv.WriteField(b.CreatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            foreach (var q in questions)
            {
                csv.WriteField(Safe(b.Answers.FirstOrDefault(a => a.QuestionId == q.Id)?.Value.Replace('\n', ';') ?? string.Empty));
            }

            if (includeNeeds)
            {
                csv.WriteField(Safe(b.DietaryNeeds));
                csv.WriteField(Safe(b.AccessNeeds));
            }

            csv.EndRecord();
        }

        csv.Flush();
        return writer.ToString();
    }

    /// <summary>Stops a typed "=cmd|..." from running as a formula when the file is opened in a spreadsheet.</summary>
    private static string Safe(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
