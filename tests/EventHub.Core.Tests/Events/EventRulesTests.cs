using EventHub.Core.Events;

namespace EventHub.Core.Tests.Events;

public sealed class EventRulesTests
{
    private static EventInput Valid() => new()
    {
        Title = "Social Media Forum",
        VenueName = "County Hall",
        StartLocal = new DateTime(2026, 12, 3, 9, 30, 0),
        EndLocal = new DateTime(2026, 12, 3, 16, 0, 0),
        Capacity = 80,
    };

    [Fact]
    public void A_complete_event_is_valid_and_its_times_are_converted_to_UTC()
    {
        var errors = EventRules.Validate(Valid(), out var times);

        errors.ShouldBeEmpty();
        times!.StartUtc.ShouldBe(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Missing_required_fields_each_get_their_own_message()
    {
        var errors = EventRules.Validate(new EventInput(), out var times);

        times.ShouldBeNull();
        errors.Select(e => e.Field).ShouldBe(["Title", "VenueName", "Capacity", "StartLocal", "EndLocal"], ignoreOrder: true);
        errors.Single(e => e.Field == "Title").Message.ShouldBe("Enter a title");
    }

    [Fact]
    public void The_end_must_be_after_the_start()
    {
        var input = Valid();
        input.EndLocal = input.StartLocal!.Value.AddMinutes(-1);

        EventRules.Validate(input, out _).ShouldContain(e => e.Field == "EndLocal" && e.Message == "End must be after the start");
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(100_000, true)]
    [InlineData(100_001, false)]
    public void Capacity_is_between_0_and_100000(int capacity, bool valid)
    {
        var input = Valid();
        input.Capacity = capacity;

        EventRules.Validate(input, out _).Any(e => e.Field == "Capacity").ShouldBe(!valid);
    }

    [Fact]
    public void Text_longer_than_its_limit_is_refused_with_the_limit_in_the_message()
    {
        var input = Valid();
        input.Title = new string('a', EventRules.MaxTitleLength + 1);

        EventRules.Validate(input, out _).Single().Message.ShouldBe("Title must be 200 characters or fewer");
    }

    [Fact]
    public void A_start_time_that_does_not_exist_because_the_clocks_go_forward_is_explained()
    {
        var input = Valid();
        input.StartLocal = new DateTime(2026, 3, 29, 1, 30, 0);
        input.EndLocal = new DateTime(2026, 3, 29, 16, 0, 0);

        EventRules.Validate(input, out _).Single().Message.ShouldContain("clocks go forward");
    }

    [Theory]
    [InlineData("ftp://example.org")]
    [InlineData("not a link")]
    public void An_online_link_must_be_a_web_address(string url)
    {
        var input = Valid();
        input.OnlineUrl = url;

        EventRules.Validate(input, out _).ShouldContain(e => e.Field == "OnlineUrl");
    }

    [Fact]
    public void An_unknown_time_zone_is_refused()
    {
        var input = Valid();
        input.TimeZoneId = "Mars/Olympus_Mons";

        EventRules.Validate(input, out _).ShouldContain(e => e.Field == "TimeZoneId");
    }

    [Fact]
    public void Booking_must_close_after_it_opens_and_before_the_event_ends()
    {
        var input = Valid();
        input.BookingOpensLocal = new DateTime(2026, 11, 1, 9, 0, 0);
        input.BookingClosesLocal = new DateTime(2026, 10, 1, 9, 0, 0);
        EventRules.Validate(input, out _).ShouldContain(e => e.Field == "BookingClosesLocal" && e.Message == "Booking must close after it opens");

        input.BookingClosesLocal = new DateTime(2026, 12, 4, 9, 0, 0);
        EventRules.Validate(input, out _).ShouldContain(e => e.Field == "BookingClosesLocal" && e.Message == "Booking must close before the event ends");
    }

    [Fact]
    public void A_session_must_sit_inside_its_event()
    {
        var ev = new Event
        {
            Title = "Forum", Slug = "forum", TimeZoneId = "Europe/London",
            StartUtc = new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc),
        };
        var session = new SessionInput { Title = "Early bird", StartLocal = new DateTime(2026, 12, 3, 8, 0, 0), EndLocal = new DateTime(2026, 12, 3, 9, 0, 0) };

        EventRules.Validate(session, ev, out _).Single().Message.ShouldStartWith("Session must be within the event's times");
    }
}
