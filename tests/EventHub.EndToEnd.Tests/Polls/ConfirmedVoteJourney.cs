using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Polls;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Polls;

/// <summary>
/// One vote per email address: the organiser turns it on; a voter with JavaScript off votes, reads the confirm link
/// in their mail, opens it (which confirms nothing) and confirms it with the button.
/// </summary>
public sealed partial class ConfirmedVoteJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Without_javascript_a_vote_counts_only_once_the_link_from_the_mail_is_confirmed()
    {
        var day = DateTime.UtcNow.Date.AddDays(40);
        var poll = (await App.Service<PollSetupService>().CreateAsync(Actor.System, new PollInput
        {
            Title = "Confirmed votes meet-up " + Guid.NewGuid().ToString("N")[..6],
            Place = "The Phoenix",
            Options = [new PollOptionInput { StartLocal = day.AddHours(19), EndLocal = day.AddHours(21) }],
        }, Ct)).Value!;
        var option = poll.Options[0].Id;
        var email = $"vera-{Guid.NewGuid():N}@devon.gov.uk";

        // The organiser turns the switch on from the poll's page.
        var (organiser, _) = await SignedInPageAsync();
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/polls/{poll.Id}"));
        await organiser.GetByTestId("vote-rule-confirm").CheckAsync();
        await organiser.GetByTestId("save-vote-rule").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("vote-rule-saved")).ToContainTextAsync("New votes need an email address");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // The voter, without JavaScript: the address is needed; then the vote waits.
        var page = await NewPageAsync(phone: true, javaScript: false);
        await page.GotoInteractiveAsync(App.Url(PollRoutes.Vote(poll.PublicToken)));
        await page.GetByTestId("Name").FillAsync("Vera Voter");
        await page.GetByTestId($"answer-{option}-Yes").CheckAsync();
        await page.GetByTestId("save-answers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter your email address");
        await Assertions.Expect(page.GetByTestId("Name")).ToHaveValueAsync("Vera Voter");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("Email").FillAsync(email);
        await page.GetByTestId("save-answers").ClickAsync();
        await Assertions.Expect(page.GetByTestId("vote-pending")).ToContainTextAsync("Check your email to confirm your vote");
        await Assertions.Expect(page.GetByTestId("private-link")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("results-voter")).ToHaveCountAsync(0);
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        var mail = await PickupInbox.WaitForAsync(App, email, "Confirm your vote", Ct);
        var link = ConfirmLink().Match(mail.TextBody!);
        link.Success.ShouldBeTrue(mail.TextBody);
        mail.TextBody!.ShouldNotContain("Vera Voter", customMessage: "no text a stranger typed goes to the address");

        // A GET (a mail scanner) only shows the vote.
        await page.GotoInteractiveAsync(App.Url(link.Value));
        await Assertions.Expect(page.GetByTestId("pending-answers")).ToContainTextAsync("Vera Voter");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        (await App.Service<PollVotingService>().GetByTokenAsync(poll.PublicToken, Ct))!.Results.Voters.ShouldBeEmpty("opening the link must not confirm");

        await page.GetByTestId("confirm-vote").ClickAsync();
        await Assertions.Expect(page.GetByTestId("vote-confirmed")).ToContainTextAsync("Your vote is confirmed");
        await Assertions.Expect(page.GetByTestId("results-voter")).ToHaveCountAsync(1);
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        // The link is used up: it now answers as any made-up link does.
        var again = await page.GotoAsync(App.Url(link.Value));
        again!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByTestId("invalid-link")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        var receipt = await PickupInbox.WaitForAsync(App, email, "Your answers to", Ct);
        receipt.TextBody!.ShouldContain("/polls/answers/");
    }

    [GeneratedRegex(@"/polls/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
