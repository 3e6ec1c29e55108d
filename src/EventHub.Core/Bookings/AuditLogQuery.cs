namespace EventHub.Core.Bookings;

public sealed record AuditLogQuery(int EventId, int Page = 0, int PageSize = 50);
