namespace EventHub.Core.FollowUps;

public enum BulkEmailKind
{
    /// <summary>A message the organiser wrote.</summary>
    Message = 0,

    /// <summary>The after-the-day follow-up: thanks, the proceedings link and each person's feedback link. Once per event.</summary>
    FollowUp = 1,
}
