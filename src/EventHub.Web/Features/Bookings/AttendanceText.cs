using EventHub.Core.Bookings;

namespace EventHub.Web.Features.Bookings;

/// <summary>The words for in-person and online places, written once for the forms, lists and public pages.</summary>
public static class AttendanceText
{
    public static string Label(Attendance attendance) => attendance == Attendance.Online ? "Online" : "In person";

    /// <summary>A ticket type's name as people choose it: "Council staff", or "Remote (online)" for an online type.</summary>
    public static string Name(TicketType type) => type.IsOnline ? $"{type.Name} (online)" : type.Name;
}
