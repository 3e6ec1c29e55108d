using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class PitchQueueServiceTests
{
    [Fact]
    public async Task Proposals_wait_in_the_queue_in_the_order_they_were_pitched()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("First");
        await f.ProposeAsync("Second");
        await f.Queue.ProposeOnBehalfAsync(Actors.Organiser, f.EventId, new ProposalInput("Third", "Pat at the pitch desk"));

        var board = await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug);

        board!.Queue.Select(p => p.Title).ShouldBe(["First", "Second", "Third"]);
    }

    [Fact]
    public async Task A_proposal_without_a_title_or_convener_is_refused_with_field_errors()
    {
        await using var f = await BoardFixture.CreateAsync();

        var outcome = await f.Queue.ProposeAsync(f.EventId, new ProposalInput(" ", ""), "Someone");

        outcome.ErrorFor(nameof(ProposalInput.Title)).ShouldBe("Enter a title for the session");
        outcome.ErrorFor(nameof(ProposalInput.ConvenerName)).ShouldBe("Enter the convener's name");
    }

    [Fact]
    public async Task A_facilitator_moves_a_proposal_up_and_down_the_pitch_queue()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("First");
        await f.ProposeAsync("Second");
        var third = await f.ProposeAsync("Third");

        (await f.Queue.MoveInQueueAsync(Actors.Organiser, third, -1)).Value.ShouldBeTrue();
        (await Titles(f)).ShouldBe(["First", "Third", "Second"]);

        (await f.Queue.MoveInQueueAsync(Actors.Organiser, third, -1)).Value.ShouldBeTrue();
        (await Titles(f)).ShouldBe(["Third", "First", "Second"]);

        (await f.Queue.MoveInQueueAsync(Actors.Organiser, third, -1)).Value.ShouldBeFalse();
        (await f.Queue.MoveInQueueAsync(Actors.Organiser, third, 1)).Value.ShouldBeTrue();
        (await Titles(f)).ShouldBe(["First", "Third", "Second"]);
    }

    [Fact]
    public async Task Someone_who_is_not_an_organiser_cannot_reorder_the_queue()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("First");
        var second = await f.ProposeAsync("Second");

        (await f.Queue.MoveInQueueAsync(Actor.Anonymous, second, -1)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await Titles(f)).ShouldBe(["First", "Second"]);
    }

    private static async Task<IEnumerable<string>> Titles(BoardFixture f) =>
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.Queue.Select(p => p.Title).ToList();

    [Fact]
    public async Task The_facilitator_moves_the_marketplace_on_and_the_projector_shows_who_pitches_now_and_the_next_three()
    {
        await using var f = await BoardFixture.CreateAsync();
        foreach (var title in new[] { "First", "Second", "Third", "Fourth", "Fifth" })
        {
            await f.ProposeAsync(title);
        }

        var before = (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!;
        before.NowPitching!.Title.ShouldBe("First");
        before.UpNext(3).Select(p => p.Title).ShouldBe(["Second", "Third", "Fourth"]);

        var turn = await f.Queue.AdvancePitchAsync(Actors.Organiser, f.EventId);

        turn.Value.ShouldBe(new PitchTurn("First", "Second"));
        var after = (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!;
        after.NowPitching!.Title.ShouldBe("Second");
        after.UpNext(3).Select(p => p.Title).ShouldBe(["Third", "Fourth", "Fifth"]);
        after.Queue.Select(p => p.Title).ShouldBe(["First", "Second", "Third", "Fourth", "Fifth"], "a pitched proposal waits in the queue to be placed");
        after.Queue[0].HasPitched.ShouldBeTrue();
    }

    [Fact]
    public async Task When_everyone_has_pitched_the_marketplace_says_so_and_a_new_pitch_is_next()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("Only");
        (await f.Queue.AdvancePitchAsync(Actors.Organiser, f.EventId)).Value!.NowPitchingTitle.ShouldBeNull();

        var again = await f.Queue.AdvancePitchAsync(Actors.Organiser, f.EventId);

        again.IsConflict.ShouldBeTrue();
        again.Errors[0].Message.ShouldBe(OpenSpaceErrors.NobodyToPitch.Message);
        await f.ProposeAsync("Late arrival");
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.NowPitching!.Title.ShouldBe("Late arrival");
    }

    [Fact]
    public async Task Someone_who_is_not_an_organiser_cannot_move_the_marketplace_on()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("First");

        (await f.Queue.AdvancePitchAsync(Actor.Anonymous, f.EventId)).IsForbidden.ShouldBeTrue();
        (await f.Queue.AdvancePitchAsync(Actors.Stranger, f.EventId)).Succeeded.ShouldBeFalse();

        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.NowPitching!.Title.ShouldBe("First");
    }
}
