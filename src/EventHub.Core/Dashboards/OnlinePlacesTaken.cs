namespace EventHub.Core.Dashboards;

/// <summary>
/// A hybrid event's online places: those taken across its online ticket types against the sum of their quotas (an
/// online type always has one: the schema's CK_TicketTypes_OnlineQuota).
/// </summary>
public sealed record OnlinePlacesTaken(int Taken, int Capacity);
