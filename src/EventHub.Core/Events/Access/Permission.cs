namespace EventHub.Core.Events.Access;

/// <summary>One thing an organiser may do on one event. A role grants a set of them (<see cref="AccessRules"/>).</summary>
public enum Permission
{
    /// <summary>Open the event's organiser pages at all (its title, dates and status).</summary>
    See = 0,

    /// <summary>Booking figures: places taken, waiting, checked in.</summary>
    ViewFigures = 1,

    /// <summary>The attendee list and export, without access and dietary needs.</summary>
    ViewAttendees = 2,

    /// <summary>Access and dietary needs and the answers to registration questions.</summary>
    ViewNeeds = 3,

    /// <summary>Change details, sessions, rooms, tickets, bookings, email and after-the-day.</summary>
    Edit = 4,

    /// <summary>Check people in and read the door list (names, ticket, a needs flag).</summary>
    Door = 5,

    /// <summary>Make and revoke door links, which let someone without an account check people in.</summary>
    ManageDoorLinks = 6,

    /// <summary>Read the event's outgoing mail, which holds every attendee's manage link.</summary>
    ReadMail = 7,

    /// <summary>Add, change and remove members of the team.</summary>
    ManageTeam = 8,

    /// <summary>Cancel the event (which emails everyone booked).</summary>
    Cancel = 9,

    /// <summary>Enter pitches into an Open Space event's queue at the pitch desk (but not move sessions on the board).</summary>
    PitchDesk = 10,

    /// <summary>Read the event's audit log (who changed bookings, tickets, questions and settings): its owners.</summary>
    ReadAuditLog = 11,
}
