namespace EventHub.Core.Polls;

/// <summary>Settings for polls, bound from the "Polls" configuration section.</summary>
public sealed class PollSettings
{
    /// <summary>Days after the chosen date (or the last date of a poll never finalised) before names, emails and answers are deleted.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>
    /// How long a vote's confirm link works (<see cref="Poll.ConfirmVotesByEmail"/>). A vote still unconfirmed after
    /// this is deleted by the sweep.
    /// </summary>
    public TimeSpan ConfirmLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the background service looks for published poll events and for personal data due for deletion.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
