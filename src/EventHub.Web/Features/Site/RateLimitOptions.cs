namespace EventHub.Web.Features.Site;

/// <summary>
/// EventHub:RateLimits — how often one client address may do one public action to one target (an event, a poll, a
/// list, a session, a notes link) in a window. <see cref="Enabled"/> false turns every limit off (load tests, the rush
/// benchmark). Sign-in has its own limit (EventHub:SignIn).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "EventHub:RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Each step of the booking form is a post: details, check your answers, confirm.</summary>
    public RateLimitRule Booking { get; set; } = new(30, TimeSpan.FromMinutes(10));

    public RateLimitRule ResendLink { get; set; } = new(3, TimeSpan.FromMinutes(15));

    public RateLimitRule ListSignUp { get; set; } = new(5, TimeSpan.FromMinutes(15));

    public RateLimitRule PollVote { get; set; } = new(10, TimeSpan.FromMinutes(10));

    public RateLimitRule WriteUp { get; set; } = new(10, TimeSpan.FromMinutes(10));

    public RateLimitRule Interest { get; set; } = new(20, TimeSpan.FromMinutes(10));

    public RateLimitRule Proposal { get; set; } = new(10, TimeSpan.FromMinutes(10));

    public RateLimitRule Upload { get; set; } = new(20, TimeSpan.FromMinutes(10));

    public RateLimitRule For(PublicAction action) => action switch
    {
        PublicAction.Booking => Booking,
        PublicAction.ResendLink => ResendLink,
        PublicAction.ListSignUp => ListSignUp,
        PublicAction.PollVote => PollVote,
        PublicAction.WriteUp => WriteUp,
        PublicAction.Interest => Interest,
        PublicAction.Proposal => Proposal,
        PublicAction.Upload => Upload,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}

/// <summary>At most <see cref="PermitLimit"/> in each <see cref="Window"/>.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule()
    {
    }

    public RateLimitRule(int permitLimit, TimeSpan window)
    {
        PermitLimit = permitLimit;
        Window = window;
    }

    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
