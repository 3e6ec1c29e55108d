namespace EventHub.Core.Proceedings;

/// <summary>Outbox template names for the record of the day (rendered by the Email feature).</summary>
public static class ProceedingsEmailTemplates
{
    public const string FollowUp = "proceedings.follow-up";
}
