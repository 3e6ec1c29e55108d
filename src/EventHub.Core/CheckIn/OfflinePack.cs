namespace EventHub.Core.CheckIn;

/// <summary>
/// What a door device keeps to check people in without a connection: each confirmed ticket's code only as a salted
/// hash (SHA-256 of salt, ':' and the code, lower-case hex; the salt is new for every preparation), the name to show,
/// and whether there are needs (never the needs). The device forgets it all at <see cref="ForgetAfterUtc"/>.
/// </summary>
public sealed record OfflinePack(
    int EventId,
    string EventTitle,
    string DoorName,
    string TimeZoneId,
    string Salt,
    DateTime PreparedUtc,
    DateTime ForgetAfterUtc,
    IReadOnlyList<OfflineTicket> Tickets);

/// <summary>One confirmed ticket on a prepared device.</summary>
/// <param name="Online">An online place: the device refuses it at the door as the server does (<see cref="CheckInErrors.OnlinePlace"/>), rather than calling it unknown.</param>
public sealed record OfflineTicket(string Hash, string Name, string Organisation, string TicketType, bool NeedsAttention, bool CheckedIn, bool Online = false);

/// <summary>A check-in made offline: the ticket's salted hash and when the door let them in.</summary>
public sealed record OfflineCheckIn(string Hash, DateTime CheckedInUtc);

/// <summary>What the server made of a device's offline check-ins, one answer per check-in sent, in the same order.</summary>
public sealed record OfflineSyncResult(IReadOnlyList<OfflineSyncItem> Items)
{
    public int Conflicts => Items.Count(i => i.Status == OfflineSyncStatus.Conflict);
}

/// <summary>One synced check-in: recorded, already known, scanned at another door too, or not valid after all.</summary>
public sealed record OfflineSyncItem(string Hash, OfflineSyncStatus Status, string Message);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<OfflineSyncStatus>))]
public enum OfflineSyncStatus
{
    Recorded = 1,

    /// <summary>The server already has this very check-in (the device sent it again after a lost answer).</summary>
    AlreadySynced = 2,

    /// <summary>Another door let the same ticket in: both are kept, the check-in keeps the earlier time.</summary>
    Conflict = 3,

    NotValid = 4,
}

/// <summary>A ticket let in at two doors, as the organiser sees it.</summary>
public sealed record CheckInConflictRow(string Name, DateTime KeptUtc, string KeptBy, DateTime OtherUtc, string OtherBy);

/// <summary>The event's door conflicts, earliest first, with the zone to show their times in.</summary>
public sealed record CheckInConflicts(string TimeZoneId, IReadOnlyList<CheckInConflictRow> Rows);
