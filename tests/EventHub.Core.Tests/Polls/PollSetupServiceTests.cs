using EventHub.Core.Common;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Polls;

/// <summary>Organisers create polls and see them.</summary>
public sealed class PollSetupServiceTests
{
    [Fact]
    public async Task Creating_a_poll_needs_an_organiser()
    {
        await using var kit = await PollTestKit.CreateAsync();

        var outcome = await kit.Setup.CreateAsync(Actor.Anonymous, PollTestKit.ThreeEvenings());

        outcome.ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        await using var db = kit.Database.CreateDbContext();
        (await db.Set<Poll>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_created_poll_is_open_with_a_share_token_its_dates_in_utc_and_its_organiser()
    {
        await using var kit = await PollTestKit.CreateAsync();

        var poll = await kit.CreatePollAsync();

        var view = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!;
        view.Status.ShouldBe(PollStatus.Open);
        view.TimeZoneId.ShouldBe("Europe/London");
        view.IsAcceptingVotes.ShouldBeTrue();
        view.Results.Options.Select(o => o.StartUtc).ShouldBe([PollTestKit.FirstEveningUtc, PollTestKit.FirstEveningUtc.AddDays(1), PollTestKit.FirstEveningUtc.AddDays(2)]);
        view.Results.Options[0].Label.ShouldBe("Tuesday 1 December 2026, 7pm to 9pm GMT");
        poll.PublicToken.Length.ShouldBeGreaterThanOrEqualTo(27);
        poll.CreatedByUserId.ShouldBe(Actors.Organiser.UserId);
        (await kit.Setup.ListAsync(Actors.Organiser)).Single().Title.ShouldBe("Exeter Tech Meet-up");
    }
}
