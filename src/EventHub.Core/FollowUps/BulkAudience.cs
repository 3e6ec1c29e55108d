namespace EventHub.Core.FollowUps;

public enum BulkAudience
{
    /// <summary>Everyone with a confirmed place.</summary>
    Confirmed = 0,

    /// <summary>Everyone on the waiting list, including anyone holding an offer they have not yet accepted.</summary>
    Waiting = 1,

    /// <summary>
    /// Everyone with a confirmed place who came: checked in at the door, or holding an online place (the door never
    /// sees those, so they count as having come).
    /// </summary>
    CheckedIn = 2,
}
