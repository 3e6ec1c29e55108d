using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class InterestServiceTests
{
    [Fact]
    public async Task The_board_warns_when_interest_exceeds_the_room_capacity()
    {
        await using var f = await BoardFixture.CreateAsync();
        var session = await f.PlaceAsync("Popular", f.SmallRoom, f.Morning);

        (await f.Interest.MarkInterestAsync(session, "One", "one@example.com")).Value!.Warning.ShouldBeNull();
        (await f.Interest.MarkInterestAsync(session, "Two", "two@example.com")).Value!.Warning.ShouldBeNull();
        (await f.Interest.MarkInterestAsync(session, "Two again", "TWO@example.com")).Value!.InterestCount.ShouldBe(2);
        var third = await f.Interest.MarkInterestAsync(session, "Three", "three@example.com");

        third.Value!.InterestCount.ShouldBe(3);
        third.Value.Warning.ShouldBe("3 people would like to go to \"Popular\" but Small room holds 2. Consider swapping it with a larger room");
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.CellAt(f.SmallRoom, f.Morning)!.Warnings.ShouldHaveSingleItem();
    }
}
