using EventHub.Core.Privacy;

namespace EventHub.Core.Tests.Privacy;

public sealed class RetentionRulesTests
{
    private const string London = "Europe/London";

    private static readonly PrivacyOptions Site = new();

    [Fact]
    public void With_nothing_set_the_site_defaults_apply_12_months_and_7_days()
    {
        var policy = RetentionRules.Resolve(null, null, Site);

        policy.ShouldBe(new RetentionPolicy(12, RetentionSource.Site, 7, RetentionSource.Site));
    }

    [Fact]
    public void An_event_period_beats_its_series_and_a_blank_one_falls_back_to_the_series()
    {
        var series = new RetentionSetting { SeriesId = 1, PersonalDataMonths = 24, NeedsDays = 3 };
        var ev = new RetentionSetting { EventId = 1, PersonalDataMonths = 6 };

        var policy = RetentionRules.Resolve(ev, series, Site);

        policy.ShouldBe(new RetentionPolicy(6, RetentionSource.Event, 3, RetentionSource.Series));
    }

    [Fact]
    public void Needs_kept_7_days_end_at_the_same_wall_clock_time_after_the_clocks_go_back()
    {
        // Ends 17:00 BST (16:00 UTC) on Tuesday 20 October 2026; the clocks go back on 25 October.
        var end = new DateTime(2026, 10, 20, 16, 0, 0, DateTimeKind.Utc);

        var due = RetentionRules.NeedsDueUtc(end, London, 7);

        due.ShouldBe(new DateTime(2026, 10, 27, 17, 0, 0, DateTimeKind.Utc));
        RetentionRules.IsDue(due, due.AddSeconds(-1)).ShouldBeFalse();
        RetentionRules.IsDue(due, due).ShouldBeTrue();
    }

    [Fact]
    public void Personal_data_kept_one_month_ends_an_hour_earlier_in_UTC_after_the_clocks_go_forward()
    {
        // Ends 17:00 GMT on 20 March 2026; a month later London is on BST, so 17:00 local is 16:00 UTC.
        var end = new DateTime(2026, 3, 20, 17, 0, 0, DateTimeKind.Utc);

        RetentionRules.PersonalDataDueUtc(end, London, 1).ShouldBe(new DateTime(2026, 4, 20, 16, 0, 0, DateTimeKind.Utc));
        RetentionRules.PersonalDataDueUtc(end, London, 12).ShouldBe(new DateTime(2027, 3, 20, 17, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_due_time_the_clocks_skip_falls_due_when_the_clock_reaches_it()
    {
        // Ends 01:30 GMT on 22 March 2026; a week later 01:30 does not exist in London (01:00 GMT jumps to 02:00 BST).
        var end = new DateTime(2026, 3, 22, 1, 30, 0, DateTimeKind.Utc);

        RetentionRules.NeedsDueUtc(end, London, 7).ShouldBe(new DateTime(2026, 3, 29, 1, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_period_at_the_end_of_a_month_ends_on_the_last_day_of_a_shorter_month()
    {
        var end = new DateTime(2027, 1, 31, 17, 0, 0, DateTimeKind.Utc);

        RetentionRules.PersonalDataDueUtc(end, London, 1).ShouldBe(new DateTime(2027, 2, 28, 17, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Periods_read_in_words_with_where_they_came_from()
    {
        RetentionRules.PersonalDataInWords(new RetentionPolicy(1, RetentionSource.Series, 0, RetentionSource.Event))
            .ShouldBe("for 1 month after the event (set for this series)");
        RetentionRules.NeedsInWords(new RetentionPolicy(1, RetentionSource.Series, 0, RetentionSource.Event))
            .ShouldBe("until the event ends (set for this event)");
        RetentionRules.NeedsInWords(RetentionRules.Resolve(null, null, Site)).ShouldBe("for 7 days after the event (the site default)");
    }

    [Theory]
    [InlineData(0, null, "PersonalDataMonths")]
    [InlineData(121, null, "PersonalDataMonths")]
    [InlineData(null, -1, "NeedsDays")]
    [InlineData(null, 366, "NeedsDays")]
    public void Periods_outside_the_allowed_range_are_refused_for_their_field(int? months, int? days, string field)
    {
        var errors = RetentionRules.Validate(new RetentionInput { PersonalDataMonths = months, NeedsDays = days });

        errors.ShouldHaveSingleItem().Field.ShouldBe(field);
    }

    [Fact]
    public void Blank_periods_and_periods_at_the_limits_are_accepted()
    {
        RetentionRules.Validate(new RetentionInput()).ShouldBeEmpty();
        RetentionRules.Validate(new RetentionInput { PersonalDataMonths = 120, NeedsDays = 0 }).ShouldBeEmpty();
        RetentionRules.Validate(new RetentionInput { PersonalDataMonths = 1, NeedsDays = 365 }).ShouldBeEmpty();
    }
}
