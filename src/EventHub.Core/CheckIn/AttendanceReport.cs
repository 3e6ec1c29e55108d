namespace EventHub.Core.CheckIn;

/// <summary>Who came to the room, in total, per ticket type and per organisation; <see cref="OnlineConfirmed"/> counts confirmed online places apart.</summary>
public sealed record AttendanceReport(AttendanceRow Total, IReadOnlyList<AttendanceRow> ByTicketType, IReadOnlyList<AttendanceRow> ByOrganisation, int OnlineConfirmed = 0);
