using EventHub.Core.Polls;

namespace EventHub.Core.Tests.Polls;

public sealed class PollRulesTests
{
    private static readonly DateTime Monday = new(2027, 3, 1, 18, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_option_with_most_yes_answers_is_the_most_popular()
    {
        PollRules.MostPopular([
            new OptionTally(1, Monday, Yes: 2, IfNeedBe: 5),
            new OptionTally(2, Monday.AddDays(1), Yes: 3, IfNeedBe: 0),
        ]).ShouldBe(2);
    }

    [Fact]
    public void A_tie_on_yes_goes_to_the_option_with_most_if_need_be_answers()
    {
        PollRules.MostPopular([
            new OptionTally(1, Monday, Yes: 3, IfNeedBe: 1),
            new OptionTally(2, Monday.AddDays(1), Yes: 3, IfNeedBe: 2),
            new OptionTally(3, Monday.AddDays(2), Yes: 1, IfNeedBe: 9),
        ]).ShouldBe(2);
    }

    [Fact]
    public void A_tie_on_yes_and_if_need_be_goes_to_the_earliest_date()
    {
        PollRules.MostPopular([
            new OptionTally(7, Monday.AddDays(2), Yes: 2, IfNeedBe: 1),
            new OptionTally(8, Monday, Yes: 2, IfNeedBe: 1),
            new OptionTally(9, Monday.AddDays(1), Yes: 2, IfNeedBe: 1),
        ]).ShouldBe(8);
    }

    [Theory]
    [InlineData(3, 1, 3, 2, PollTieBreak.MoreIfNeedBe)]
    [InlineData(3, 2, 3, 2, PollTieBreak.EarlierDate)]
    [InlineData(2, 9, 3, 0, PollTieBreak.None)]
    public void The_tie_break_names_the_rule_that_chose_between_dates_tied_on_yes(int mondayYes, int mondayIfNeedBe, int tuesdayYes, int tuesdayIfNeedBe, PollTieBreak expected)
    {
        OptionTally[] tallies =
        [
            new(1, Monday, mondayYes, mondayIfNeedBe),
            new(2, Monday.AddDays(1), tuesdayYes, tuesdayIfNeedBe),
            new(3, Monday.AddDays(2), Yes: 1, IfNeedBe: 9),
        ];

        PollRules.TieBreak(tallies, PollRules.MostPopular(tallies)).ShouldBe(expected);
    }

    [Fact]
    public void A_tie_on_if_need_be_among_some_of_the_dates_tied_on_yes_is_broken_by_the_earlier_date()
    {
        OptionTally[] tallies =
        [
            new(1, Monday.AddDays(2), Yes: 4, IfNeedBe: 2),
            new(2, Monday, Yes: 4, IfNeedBe: 2),
            new(3, Monday.AddDays(1), Yes: 4, IfNeedBe: 0),
        ];

        PollRules.MostPopular(tallies).ShouldBe(2);
        PollRules.TieBreak(tallies, 2).ShouldBe(PollTieBreak.EarlierDate);
        PollRules.TieBreak(tallies, null).ShouldBe(PollTieBreak.None);
    }

    [Fact]
    public void A_poll_without_options_has_no_most_popular_option()
    {
        PollRules.MostPopular([]).ShouldBeNull();
    }

    [Fact]
    public void Names_that_differ_only_in_case_and_spacing_count_as_the_same_name()
    {
        PollRules.NameKey("  ann   Smith ").ShouldBe(PollRules.NameKey("Ann Smith"));
        PollRules.NameKey("Ann Smith").ShouldNotBe(PollRules.NameKey("Anne Smith"));
    }

    [Fact]
    public void Voting_is_accepted_before_the_closing_time_and_refused_from_it()
    {
        var closes = Monday;
        PollRules.VotingRefusal(PollStatus.Open, closes, "Europe/London", closes.AddSeconds(-1)).ShouldBeNull();
        var refusal = PollRules.VotingRefusal(PollStatus.Open, closes, "Europe/London", closes);
        refusal.ShouldNotBeNull();
        refusal!.Code.ShouldBe(PollErrors.ClosedCode);
        refusal.Message.ShouldContain("This poll closed on Monday 1 March 2027, 6pm GMT");
    }

    [Fact]
    public void Voting_is_refused_once_the_poll_is_finalised()
    {
        PollRules.VotingRefusal(PollStatus.Finalised, null, "Europe/London", Monday)!.Code.ShouldBe(PollErrors.Finalised.Code);
    }

    [Fact]
    public void A_poll_needs_a_title_a_place_and_dates_that_end_after_they_start()
    {
        var input = new PollInput
        {
            Title = " ",
            Place = "",
            Options = [new PollOptionInput { StartLocal = new DateTime(2027, 3, 1, 19, 0, 0), EndLocal = new DateTime(2027, 3, 1, 18, 0, 0) }, new PollOptionInput()],
        };

        var errors = PollRules.Validate(input, Monday.AddDays(-10), out var times);

        times.ShouldBeNull();
        errors.Select(e => e.Field).ShouldBe([nameof(PollInput.Title), nameof(PollInput.Place), "Options[0]", "Options[1]"]);
        errors.Single(e => e.Field == "Options[0]").Message.ShouldBe("The end of date 1 must be after its start");
    }

    [Fact]
    public void Poll_times_are_read_in_the_default_london_zone_and_sorted()
    {
        var input = new PollInput
        {
            Title = "Meet-up",
            Place = "The Tavern",
            Options =
            [
                new PollOptionInput { StartLocal = new DateTime(2027, 6, 10, 19, 0, 0), EndLocal = new DateTime(2027, 6, 10, 21, 0, 0) },
                new PollOptionInput { StartLocal = new DateTime(2027, 1, 10, 19, 0, 0), EndLocal = new DateTime(2027, 1, 10, 21, 0, 0) },
            ],
        };

        PollRules.Validate(input, Monday.AddDays(-100), out var times).ShouldBeEmpty();

        input.TimeZoneId.ShouldBe("Europe/London");
        times!.Options[0].StartUtc.ShouldBe(new DateTime(2027, 1, 10, 19, 0, 0, DateTimeKind.Utc));
        times.Options[1].StartUtc.ShouldBe(new DateTime(2027, 6, 10, 18, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_closing_time_in_the_past_is_refused()
    {
        var input = new PollInput
        {
            Title = "Meet-up",
            Place = "The Tavern",
            ClosesLocal = new DateTime(2027, 3, 1, 17, 0, 0),
            Options = [new PollOptionInput { StartLocal = new DateTime(2027, 6, 10, 19, 0, 0), EndLocal = new DateTime(2027, 6, 10, 21, 0, 0) }],
        };

        PollRules.Validate(input, Monday, out _).Single().Field.ShouldBe(nameof(PollInput.ClosesLocal));
    }

    [Fact]
    public void A_vote_needs_a_name_of_bounded_length_and_an_answer_for_every_date()
    {
        var options = new List<(int, string)> { (1, "Monday"), (2, "Tuesday") };
        var input = new VoteInput { Name = new string('a', PollRules.MaxNameLength + 1), Email = "not-an-email", Answers = { [1] = PollAnswer.Yes } };

        var errors = PollRules.Validate(input, options);

        errors.Select(e => e.Field).ShouldBe([nameof(VoteInput.Name), nameof(VoteInput.Email), "Answer-2"]);
        errors[0].Message.ShouldBe($"Name must be {PollRules.MaxNameLength} characters or fewer");
        errors[2].Message.ShouldBe("Select Yes, If need be or No for Tuesday");
        PollRules.Validate(new VoteInput { Name = " " , Answers = { [1] = PollAnswer.No, [2] = PollAnswer.IfNeedBe } }, options)
            .Single().Message.ShouldBe("Enter a name");
    }
}
