namespace EventHub.Core.Bookings;

/// <summary>One entry of an event's list that organisers put in order (ticket types, registration questions).</summary>
internal interface IEventListItem : IBelongsToEvent
{
    int SortOrder { get; set; }
}
