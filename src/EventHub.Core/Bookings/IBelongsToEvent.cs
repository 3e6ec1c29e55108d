namespace EventHub.Core.Bookings;

/// <summary>A row that belongs to one event, so an id from another event's page must not reach it.</summary>
internal interface IBelongsToEvent
{
    int Id { get; }

    int EventId { get; }
}
