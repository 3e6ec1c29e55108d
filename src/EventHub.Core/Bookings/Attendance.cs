namespace EventHub.Core.Bookings;

/// <summary>
/// How a ticket type's holders take part. In-person places count against the event's capacity (the room); online
/// places have their own capacity, the type's quota, and their own waiting list.
/// </summary>
public enum Attendance
{
    InPerson = 0,
    Online = 1,
}
