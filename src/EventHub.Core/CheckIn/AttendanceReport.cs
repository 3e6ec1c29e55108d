namespace EventHub.Core.CheckIn;

public sealed record AttendanceReport(AttendanceRow Total, IReadOnlyList<AttendanceRow> ByTicketType, IReadOnlyList<AttendanceRow> ByOrganisation);
