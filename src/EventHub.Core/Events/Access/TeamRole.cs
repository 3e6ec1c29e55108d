namespace EventHub.Core.Events.Access;

/// <summary>What a person does on an event's (or a series') team.</summary>
public enum TeamRole
{
    /// <summary>Everything for the event, including its team.</summary>
    Owner = 0,

    /// <summary>Details, sessions, bookings, email and after-the-day.</summary>
    Editor = 1,

    /// <summary>The check-in pages and the door list only, and the pitch desk of an Open Space event.</summary>
    Door = 2,

    /// <summary>Read-only figures and the attendee list without needs.</summary>
    Viewer = 3,
}
