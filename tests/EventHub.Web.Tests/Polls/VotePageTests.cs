using Bunit;
using EventHub.Core.Data;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Polls;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.Polls;

/// <summary>The voting page over the real services and a real migrated SQLite file.</summary>
public sealed class VotePageTests : BunitContext, IAsyncLifetime
{
    private readonly PlainForm _request = new();
    private TestDatabase _database = default!;
    private PollVotingService _voting = default!;
    private Poll _poll = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var clock = Clock.At();
        _voting = new PollVotingService(_database, clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        PlainForm.AddServices(this);
        Services.AddSingleton(_voting);
        Services.AddSingleton<IDbContextFactory<EventHubDbContext>>(_database);
        _poll = (await new PollSetupService(_database, clock).CreateAsync(Actors.Organiser, new PollInput
        {
            Title = "Exeter Tech Meet-up",
            Place = "The Phoenix",
            Options =
            [
                new PollOptionInput { StartLocal = new DateTime(2026, 12, 1, 19, 0, 0), EndLocal = new DateTime(2026, 12, 1, 21, 0, 0) },
                new PollOptionInput { StartLocal = new DateTime(2026, 12, 2, 19, 0, 0), EndLocal = new DateTime(2026, 12, 2, 21, 0, 0) },
            ],
        }, Xunit.TestContext.Current.CancellationToken)).Value!;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Voting_saves_the_answers_shows_the_private_link_and_counts_the_vote()
    {
        var page = Render<VotePage>(p => p.Add(x => x.Token, _poll.PublicToken).AddCascadingValue(_request.Http));
        var first = _poll.Options[0].Id;
        var second = _poll.Options[1].Id;

        PlainForm.Type(page, "Name", "Ann");
        PlainForm.Type(page, "Email", "ann@example.com");
        PlainForm.Tick(page, $"[data-testid=answer-{first}-Yes]");
        PlainForm.Tick(page, $"[data-testid=answer-{second}-No]");
        await _request.PressAsync(page, "[data-testid=save-answers]");

        page.WaitForElement("[data-testid=vote-saved]");
        page.Find("[data-testid=private-link]").TextContent.ShouldContain("/polls/answers/");
        page.Find("[data-testid=link-emailed]").ShouldNotBeNull();
        page.Find($"[data-testid=counts-{first}]").TextContent.ShouldContain("Yes 1");
        page.Find("[data-testid=most-popular]").ShouldNotBeNull();
        var view = await _voting.GetByTokenAsync(_poll.PublicToken, Xunit.TestContext.Current.CancellationToken);
        view!.Results.Voters.Single().Name.ShouldBe("Ann");
    }

    [Fact]
    public async Task A_vote_with_a_missing_answer_shows_the_problem_and_keeps_the_name()
    {
        var page = Render<VotePage>(p => p.Add(x => x.Token, _poll.PublicToken).AddCascadingValue(_request.Http));

        PlainForm.Type(page, "Name", "Ann");
        PlainForm.Tick(page, $"[data-testid=answer-{_poll.Options[0].Id}-Yes]");
        await _request.PressAsync(page, "[data-testid=save-answers]");

        page.WaitForElement(".error-summary");
        page.Find(".error-summary").TextContent.ShouldContain("Select Yes, If need be or No for Wednesday 2 December 2026");
        page.FindAll("[autofocus]").ShouldHaveSingleItem().ClassList.ShouldContain("error-summary");
        page.Find(".error-summary").GetAttribute("tabindex").ShouldBe("-1");
        page.Find("#Name").GetAttribute("value").ShouldBe("Ann");
        page.Find($"[data-testid=answer-{_poll.Options[0].Id}-Yes]").HasAttribute("checked").ShouldBeTrue();
        (await _voting.GetByTokenAsync(_poll.PublicToken, Xunit.TestContext.Current.CancellationToken))!.Results.Voters.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_private_link_page_shows_my_answers_and_saves_changes()
    {
        var first = _poll.Options[0].Id;
        var second = _poll.Options[1].Id;
        var receipt = (await _voting.VoteAsync(_poll.PublicToken, new VoteInput
        {
            Name = "Ann",
            Answers = { [first] = PollAnswer.Yes, [second] = PollAnswer.No },
        }, Xunit.TestContext.Current.CancellationToken)).Value!;

        var page = Render<ChangeVotePage>(p => p.Add(x => x.EditToken, receipt.EditToken).AddCascadingValue(_request.Http));

        page.Find("#Name").GetAttribute("value").ShouldBe("Ann");
        page.Find($"[data-testid=answer-{first}-Yes]").HasAttribute("checked").ShouldBeTrue();
        PlainForm.Tick(page, $"[data-testid=answer-{second}-IfNeedBe]");
        await _request.PressAsync(page, "[data-testid=save-answers]");

        page.WaitForElement("[data-testid=vote-saved]");
        var ballot = await _voting.GetBallotAsync(receipt.EditToken, Xunit.TestContext.Current.CancellationToken);
        ballot!.Answers[second].ShouldBe(PollAnswer.IfNeedBe);
        page.Find($"[data-testid=counts-{second}]").TextContent.ShouldContain("If need be 1");
    }

    [Fact]
    public void An_unknown_private_link_says_it_is_not_valid()
    {
        var page = Render<ChangeVotePage>(p => p.Add(x => x.EditToken, "not-a-real-token"));

        page.Find("h1").TextContent.ShouldBe("This link is not valid");
        page.FindAll("form").ShouldBeEmpty();
    }
}
