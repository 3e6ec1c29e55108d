using EventHub.Core.Common;

namespace EventHub.Core.Tests.Common;

public sealed class EventTimeTests
{
    private static readonly TimeZoneInfo London = EventTime.Zone("Europe/London");

    [Fact]
    public void A_summer_time_in_London_is_stored_an_hour_earlier_in_UTC()
    {
        EventTime.TryToUtc(new DateTime(2026, 7, 1, 9, 30, 0), London, out var utc).ShouldBeTrue();

        utc.ShouldBe(new DateTime(2026, 7, 1, 8, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_winter_time_in_London_is_the_same_in_UTC()
    {
        EventTime.TryToUtc(new DateTime(2026, 12, 3, 9, 30, 0), London, out var utc).ShouldBeTrue();

        utc.ShouldBe(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void An_event_across_the_October_clock_change_keeps_its_wall_clock_times()
    {
        // Clocks go back at 02:00 BST on 25 October 2026: the evening before is BST, the next morning GMT.
        EventTime.TryToUtc(new DateTime(2026, 10, 24, 18, 0, 0), London, out var start).ShouldBeTrue();
        EventTime.TryToUtc(new DateTime(2026, 10, 25, 10, 0, 0), London, out var end).ShouldBeTrue();

        start.ShouldBe(new DateTime(2026, 10, 24, 17, 0, 0, DateTimeKind.Utc));
        end.ShouldBe(new DateTime(2026, 10, 25, 10, 0, 0, DateTimeKind.Utc));
        (end - start).ShouldBe(TimeSpan.FromHours(17)); // 16 wall-clock hours plus the repeated hour
        EventTime.ToLocal(start, London).ShouldBe(new DateTime(2026, 10, 24, 18, 0, 0));
        EventTime.ToLocal(end, London).ShouldBe(new DateTime(2026, 10, 25, 10, 0, 0));
        EventTime.FormatDateTime(start, "Europe/London").ShouldEndWith("6pm BST");
        EventTime.FormatDateTime(end, "Europe/London").ShouldEndWith("10am GMT");
    }

    [Fact]
    public void A_time_skipped_when_the_clocks_go_forward_is_refused()
    {
        // 29 March 2026: 01:00 GMT jumps to 02:00 BST, so 01:30 never happens in London.
        EventTime.TryToUtc(new DateTime(2026, 3, 29, 1, 30, 0), London, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_time_that_happens_twice_when_the_clocks_go_back_is_taken_as_the_first()
    {
        EventTime.TryToUtc(new DateTime(2026, 10, 25, 1, 30, 0), London, out var utc).ShouldBeTrue();

        utc.ShouldBe(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData(9, 0, "9am")]
    [InlineData(9, 30, "9:30am")]
    [InlineData(12, 0, "12 noon")]
    [InlineData(0, 0, "12 midnight")]
    [InlineData(16, 5, "4:05pm")]
    public void Clock_times_read_the_GOV_UK_way(int hour, int minute, string expected) =>
        EventTime.FormatClock(new DateTime(2026, 1, 1, hour, minute, 0)).ShouldBe(expected);

    [Fact]
    public void A_range_on_one_day_names_the_day_once() =>
        EventTime.FormatRange(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc), "Europe/London")
            .ShouldBe("Thursday 3 December 2026, 9:30am to 4pm GMT");

    [Fact]
    public void Other_time_zones_show_their_offset() =>
        EventTime.FormatDateTime(new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc), "America/New_York").ShouldEndWith("9am UTC-05:00");
}
