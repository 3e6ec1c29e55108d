namespace EventHub.Core.Bookings;

/// <summary>The ticket type asked for, as it stood when the snapshot was read.</summary>
public sealed record TicketSnapshot(int Id, int? Quota, int PlacesTaken, bool Hidden, string? SecretToken, Attendance Attendance = Attendance.InPerson)
{
    public bool HasRoom => Quota is null || PlacesTaken < Quota;
}
