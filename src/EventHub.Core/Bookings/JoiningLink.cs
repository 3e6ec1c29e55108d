namespace EventHub.Core.Bookings;

/// <summary>
/// Who may be given the event's online joining link: someone with a confirmed online place. A booking with no ticket
/// type keeps the event's one kind of place (an online-only event sends its link to every confirmed place); an
/// in-person, waiting, held or cancelled booking never gets it, and neither does the public page.
/// </summary>
public static class JoiningLink
{
    /// <param name="confirmed">The booking is confirmed (a held place is not, until the address is).</param>
    /// <param name="attendance">The booking's ticket type's kind; null when it has no ticket type.</param>
    public static bool MayHave(bool confirmed, Attendance? attendance) => confirmed && attendance != Attendance.InPerson;
}
