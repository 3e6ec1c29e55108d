using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class BoardQueueTests
{
    [Fact]
    public async Task A_facilitator_moves_a_proposal_up_and_down_the_pitch_queue()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("First");
        await f.ProposeAsync("Second");
        var third = await f.ProposeAsync("Third");

        (await f.Board.MoveInQueueAsync(Actors.Organiser, third, -1)).Value.ShouldBeTrue();
        (await Titles(f)).ShouldBe(["First", "Third", "Second"]);

        (await f.Board.MoveInQueueAsync(Actors.Organiser, third, -1)).Value.ShouldBeTrue();
        (await Titles(f)).ShouldBe(["Third", "First", "Second"]);

        (await f.Board.MoveInQueueAsync(Actors.Organiser, third, -1)).Value.ShouldBeFalse();
        (await f.Board.MoveInQueueAsync(Actors.Organiser, third, 1)).Value.ShouldBeTrue();
        (await Titles(f)).ShouldBe(["First", "Third", "Second"]);
    }

    [Fact]
    public async Task Someone_who_is_not_an_organiser_cannot_reorder_the_queue()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("First");
        var second = await f.ProposeAsync("Second");

        (await f.Board.MoveInQueueAsync(Actor.Anonymous, second, -1)).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await Titles(f)).ShouldBe(["First", "Second"]);
    }

    private static async Task<IEnumerable<string>> Titles(BoardFixture f) =>
        (await f.Board.GetBoardAsync(Actor.Anonymous, f.Slug))!.Queue.Select(p => p.Title).ToList();
}
