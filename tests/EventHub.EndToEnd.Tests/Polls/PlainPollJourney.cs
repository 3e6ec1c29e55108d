using EventHub.Core.Common;
using EventHub.Core.Polls;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Polls;

/// <summary>Voting and changing a vote as plain HTML forms, with JavaScript off; with it on, the enhanced post still focuses the error summary.</summary>
public sealed class PlainPollJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Without_javascript_a_voter_answers_a_poll_and_changes_an_answer_from_the_private_link()
    {
        var poll = await PollAsync("Plain forms meet-up", dates: 2);
        var first = poll.Options[0].Id;
        var second = poll.Options[1].Id;

        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoInteractiveAsync(App.Url(PollRoutes.Vote(poll.PublicToken)));
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // One date left unanswered: the error summary links to it, and the name and the other answer are kept.
        await page.GetByTestId("Name").FillAsync("Nia Nojs");
        await page.GetByTestId($"answer-{first}-Yes").CheckAsync();
        await page.GetByTestId("save-answers").ClickAsync();
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.Locator($"a[href$='#Answer-{second}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("Name")).ToHaveValueAsync("Nia Nojs");
        await Assertions.Expect(page.GetByTestId($"answer-{first}-Yes")).ToBeCheckedAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GetByTestId($"answer-{second}-No").CheckAsync();
        await page.GetByTestId("save-answers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("vote-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("results-voter")).ToHaveCountAsync(1);
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        var privateLink = (await page.GetByTestId("private-link").GetAttributeAsync("href"))!;

        // The private link: the answers as given, one changed with the plain form.
        await page.GotoInteractiveAsync(App.Url(privateLink));
        await Assertions.Expect(page.GetByTestId($"answer-{second}-No")).ToBeCheckedAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId($"answer-{second}-IfNeedBe").CheckAsync();
        await page.GetByTestId("save-answers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("vote-saved")).ToContainTextAsync("Your answers have been updated");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        var ballot = await App.Service<PollVotingService>().GetBallotAsync(privateLink.Split('/')[^1], Ct);
        ballot!.Name.ShouldBe("Nia Nojs");
        ballot.Answers[first].ShouldBe(PollAnswer.Yes);
        ballot.Answers[second].ShouldBe(PollAnswer.IfNeedBe);
    }

    [Fact]
    public async Task With_javascript_a_vote_with_a_problem_moves_focus_to_the_error_summary()
    {
        var poll = await PollAsync("Enhanced forms meet-up", dates: 1);

        var page = await NewPageAsync(phone: true);
        await page.GotoInteractiveAsync(App.Url(PollRoutes.Vote(poll.PublicToken)));
        await page.GetByTestId("Name").FillAsync("Ena Enhanced");
        await page.GetByTestId("save-answers").ClickAsync();

        // The enhanced post patches the page in place; the error summary still takes focus.
        var summary = page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("Name")).ToHaveValueAsync("Ena Enhanced");
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    /// <summary>A new poll with the given number of evenings to choose from, a week apart, 40 days ahead.</summary>
    private async Task<Poll> PollAsync(string title, int dates)
    {
        var day = DateTime.UtcNow.Date.AddDays(40);
        return (await App.Service<PollSetupService>().CreateAsync(Actor.System, new PollInput
        {
            Title = title + " " + Guid.NewGuid().ToString("N")[..6],
            Place = "The Phoenix",
            Options = [.. Enumerable.Range(0, dates).Select(i => new PollOptionInput { StartLocal = day.AddDays(7 * i).AddHours(19), EndLocal = day.AddDays(7 * i).AddHours(21) })],
        }, Ct)).Value!;
    }
}
