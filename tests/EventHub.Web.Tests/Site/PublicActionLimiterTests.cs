using EventHub.Web.Features.Site;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Site;

public sealed class PublicActionLimiterTests
{
    private static PublicActionLimiter Limiter(bool enabled = true) => new(Options.Create(new RateLimitOptions
    {
        Enabled = enabled,
        PollVote = new RateLimitRule(2, TimeSpan.FromMinutes(5)),
    }));

    [Fact]
    public void One_address_is_limited_per_target_and_told_how_long_to_wait()
    {
        using var limiter = Limiter();

        limiter.TryAcquire(PublicAction.PollVote, "203.0.113.7", "poll:a", out _).ShouldBeTrue();
        limiter.TryAcquire(PublicAction.PollVote, "203.0.113.7", "poll:a", out _).ShouldBeTrue();
        limiter.TryAcquire(PublicAction.PollVote, "203.0.113.7", "poll:a", out var wait).ShouldBeFalse();

        wait.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        limiter.TryAcquire(PublicAction.PollVote, "203.0.113.7", "poll:b", out _).ShouldBeTrue("another poll has its own count");
        limiter.TryAcquire(PublicAction.PollVote, "198.51.100.2", "poll:a", out _).ShouldBeTrue("another address has its own count");
        limiter.TryAcquire(PublicAction.Booking, "203.0.113.7", "poll:a", out _).ShouldBeTrue("another action has its own count");
    }

    [Fact]
    public void The_refusal_for_an_interactive_form_says_what_was_done_too_often_and_when_to_try_again()
    {
        using var limiter = Limiter();
        var client = new ClientAddress("203.0.113.7");
        limiter.Refuse(PublicAction.PollVote, client, "poll:a").ShouldBeNull();
        limiter.Refuse(PublicAction.PollVote, client, "poll:a").ShouldBeNull();

        limiter.Refuse(PublicAction.PollVote, client, "poll:a").ShouldBe("There have been too many votes from your network. Try again in 5 minutes.");
    }

    [Fact]
    public void Switched_off_nothing_is_limited()
    {
        using var limiter = Limiter(enabled: false);

        for (var i = 0; i < 50; i++)
        {
            limiter.TryAcquire(PublicAction.PollVote, "203.0.113.7", "poll:a", out _).ShouldBeTrue();
        }
    }
}
