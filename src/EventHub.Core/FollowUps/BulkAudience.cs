namespace EventHub.Core.FollowUps;

public enum BulkAudience
{
    /// <summary>Everyone with a confirmed place.</summary>
    Confirmed = 0,

    /// <summary>Everyone on the waiting list, including anyone holding an offer they have not yet accepted.</summary>
    Waiting = 1,

    /// <summary>Everyone with a confirmed place who was checked in at the door.</summary>
    CheckedIn = 2,
}
