using EventHub.Core.Common;

namespace EventHub.Core.Tests.Common;

public sealed class ListOrderTests
{
    private sealed class Item(string name)
    {
        public string Name { get; } = name;

        public int Order { get; set; } = -1;
    }

    private static List<Item> Three() => [new("a"), new("b"), new("c")];

    [Fact]
    public void Moving_up_swaps_with_the_item_above_and_renumbers_the_whole_list_from_the_first_number()
    {
        var items = Three();

        var moved = ListOrder.Swap(items, 2, up: true, (x, n) => x.Order = n, first: 1);

        moved.ShouldBe(1);
        items.Select(x => x.Name).ShouldBe(["a", "c", "b"]);
        items.Select(x => x.Order).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public void Moving_down_swaps_with_the_item_below_and_numbers_from_zero_by_default()
    {
        var items = Three();

        var moved = ListOrder.Swap(items, 0, up: false, (x, n) => x.Order = n);

        moved.ShouldBe(1);
        items.Select(x => x.Name).ShouldBe(["b", "a", "c"]);
        items.Select(x => x.Order).ShouldBe([0, 1, 2]);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, false)]
    public void An_item_already_at_that_end_is_not_moved_and_nothing_is_renumbered(int index, bool up)
    {
        var items = Three();

        ListOrder.Swap(items, index, up, (x, n) => x.Order = n).ShouldBeNull();

        items.Select(x => x.Name).ShouldBe(["a", "b", "c"]);
        items.ShouldAllBe(x => x.Order == -1);
    }
}
