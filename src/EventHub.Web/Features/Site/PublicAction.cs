namespace EventHub.Web.Features.Site;

/// <summary>The things a stranger can do on a public page that <see cref="PublicActionLimiter"/> counts.</summary>
public enum PublicAction
{
    Booking,
    ResendLink,
    ListSignUp,
    PollVote,
    WriteUp,
    Interest,
    Proposal,
    Upload,
}
