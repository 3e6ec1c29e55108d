namespace EventHub.Core.Bookings;

/// <summary>Where a visitor stands against the opening times, before capacity and eligibility are looked at.</summary>
public enum Opening
{
    Open = 0,

    /// <summary>Not open to everyone yet, but open to this visitor through their priority link.</summary>
    OpenEarly = 1,
    NotOpenYet = 2,

    /// <summary>The visitor's link is good, but the priority window has not started.</summary>
    PriorityNotOpenYet = 3,

    /// <summary>Not open to everyone yet, and the visitor's link is not valid for this event.</summary>
    PriorityLinkNotValid = 4,
}
