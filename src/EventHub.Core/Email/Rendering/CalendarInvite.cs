using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace EventHub.Core.Email.Rendering;

/// <summary>
/// The event as an iCalendar invite. One UID per event, so an updated invite (higher SEQUENCE) replaces the one a
/// calendar already holds, and METHOD:CANCEL removes it.
/// </summary>
public static class CalendarInvite
{
    public const string FileName = "invite.ics";

    public static string Uid(int eventId, EmailOptions options)
    {
        var host = Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "eventhub";
        return $"eventhub-event-{eventId}@{host}";
    }

    /// <summary>A UTC instant as the event's wall-clock time with its TZID (the zone goes in a VTIMEZONE).</summary>
    public static CalDateTime At(DateTime utc, string timeZoneId) => new(Common.EventTime.ToLocal(utc, timeZoneId), timeZoneId);

    /// <param name="linkLabel">What the link in the description is for: booking holders manage their booking; poll voters see the event.</param>
    public static EmailAttachment Attachment(EmailEvent evt, int sequence, bool cancel, string manageUrl, EmailOptions options, string linkLabel = ManageLinkLabel)
    {
        var method = cancel ? "CANCEL" : "REQUEST";
        var ics = Create(evt, sequence, cancel, manageUrl, options, linkLabel);
        return new EmailAttachment(FileName, $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(ics));
    }

    public const string ManageLinkLabel = "Manage your booking";

    public static string Create(EmailEvent evt, int sequence, bool cancel, string manageUrl, EmailOptions options, string linkLabel = ManageLinkLabel)
    {
        var calendar = new Calendar { Method = cancel ? "CANCEL" : "REQUEST" };
        calendar.AddTimeZone(evt.TimeZoneId);
        var description = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(evt.Summary))
        {
            description.AppendLine(evt.Summary).AppendLine();
        }

        if (!string.IsNullOrWhiteSpace(evt.OnlineUrl))
        {
            description.Append("Join online: ").AppendLine(evt.OnlineUrl);
        }

        description.Append(linkLabel).Append(": ").Append(manageUrl);
        var vevent = new CalendarEvent
        {
            Uid = Uid(evt.Id, options),
            Sequence = sequence,
            Summary = evt.Title,
            DtStart = At(evt.StartUtc, evt.TimeZoneId),
            DtEnd = At(evt.EndUtc, evt.TimeZoneId),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(evt.ChangedUtc, DateTimeKind.Utc)),
            Location = evt.Place,
            Description = description.ToString(),
            Url = Uri.TryCreate(manageUrl, UriKind.Absolute, out var link) ? link : null,
            Status = cancel ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer("mailto:" + (string.IsNullOrWhiteSpace(options.ReplyToAddress) ? options.FromAddress : options.ReplyToAddress))
            {
                CommonName = options.FromName,
            },
        };
        calendar.Events.Add(vevent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
