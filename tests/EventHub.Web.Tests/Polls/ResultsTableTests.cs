using Bunit;
using EventHub.Core.Polls;
using EventHub.Web.Features.Polls;

namespace EventHub.Web.Tests.Polls;

public sealed class ResultsTableTests : BunitContext
{
    private static PollResults Tied(PollTieBreak tieBreak) => new(
        [
            new OptionResult(1, new DateTime(2027, 3, 1, 18, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 1, 20, 0, 0, DateTimeKind.Utc), "Mon 1 Mar", 2, 1, 0, IsMostPopular: true),
            new OptionResult(2, new DateTime(2027, 3, 2, 18, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 2, 20, 0, 0, DateTimeKind.Utc), "Tue 2 Mar", 2, tieBreak == PollTieBreak.EarlierDate ? 1 : 0, 1, IsMostPopular: false),
        ],
        [], PersonalDataDeleted: false) { TieBreak = tieBreak };

    [Fact]
    public void A_tie_on_yes_broken_by_if_need_be_says_so_beside_the_results()
    {
        var table = Render<ResultsTable>(p => p.Add(t => t.Results, Tied(PollTieBreak.MoreIfNeedBe)));

        table.Find("[data-testid=tie-break]").TextContent.ShouldBe(
            "More than one date has the most Yes answers: the one with more “If need be” answers is marked most popular.");
        table.FindAll("[data-testid=most-popular]").Count.ShouldBe(1);
    }

    [Fact]
    public void A_tie_on_yes_and_if_need_be_says_the_earliest_date_is_marked()
    {
        var table = Render<ResultsTable>(p => p.Add(t => t.Results, Tied(PollTieBreak.EarlierDate)));

        table.Find("[data-testid=tie-break]").TextContent.ShouldContain("the earliest of them is marked most popular");
    }

    [Fact]
    public void Without_a_tie_nothing_is_explained()
    {
        var table = Render<ResultsTable>(p => p.Add(t => t.Results, Tied(PollTieBreak.None)));

        table.FindAll("[data-testid=tie-break]").ShouldBeEmpty();
    }
}
