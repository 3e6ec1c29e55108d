using System.Text.Json;
using Bunit;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Polls;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.Polls;

/// <summary>A poll that counts one vote per email address: the vote page, the confirm link's page and the voter's page after it.</summary>
public sealed class ConfirmVotePageTests : BunitContext, IAsyncLifetime
{
    private readonly PlainForm _request = new();
    private TestDatabase _database = default!;
    private PollVotingService _voting = default!;
    private Poll _poll = default!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

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
        var setup = new PollSetupService(_database, clock);
        _poll = (await setup.CreateAsync(Actors.Organiser, new PollInput
        {
            Title = "Confirmed Meet-up",
            Place = "The Phoenix",
            Options =
            [
                new PollOptionInput { StartLocal = new DateTime(2026, 12, 1, 19, 0, 0), EndLocal = new DateTime(2026, 12, 1, 21, 0, 0) },
                new PollOptionInput { StartLocal = new DateTime(2026, 12, 2, 19, 0, 0), EndLocal = new DateTime(2026, 12, 2, 21, 0, 0) },
            ],
        }, Ct)).Value!;
        (await setup.SetConfirmVotesByEmailAsync(Actors.Organiser, _poll.Id, true, Ct)).Succeeded.ShouldBeTrue();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_vote_asks_for_an_email_address_and_says_to_confirm_it_without_showing_a_private_link()
    {
        var page = Render<VotePage>(p => p.Add(x => x.Token, _poll.PublicToken).AddCascadingValue(_request.Http));
        page.Find("label[for=Email]").TextContent.Trim().ShouldBe("Email address");

        PlainForm.Type(page, "Name", "Ann");
        PlainForm.Tick(page, $"[data-testid=answer-{_poll.Options[0].Id}-Yes]");
        PlainForm.Tick(page, $"[data-testid=answer-{_poll.Options[1].Id}-No]");
        await _request.PressAsync(page, "[data-testid=save-answers]");
        page.WaitForElement(".error-summary").TextContent.ShouldContain("Enter your email address");

        PlainForm.Type(page, "Email", "ann@example.com");
        await _request.PressAsync(page, "[data-testid=save-answers]");

        page.WaitForElement("[data-testid=vote-pending]").TextContent.ShouldContain("Check your email to confirm your vote");
        page.FindAll("[data-testid=private-link]").ShouldBeEmpty();
        page.FindAll("[data-testid=results-voter]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_confirm_link_shows_the_answers_and_the_button_confirms_them_and_leads_to_the_voters_page()
    {
        await _voting.VoteAsync(_poll.PublicToken, new VoteInput
        {
            Name = "Ann",
            Email = "ann@example.com",
            Answers = { [_poll.Options[0].Id] = PollAnswer.Yes, [_poll.Options[1].Id] = PollAnswer.No },
        }, Ct);
        var token = await ConfirmTokenAsync();

        var page = Render<ConfirmVotePage>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));
        page.Find("h1").TextContent.ShouldBe("Confirm your vote");
        page.Find("[data-testid=pending-answers]").TextContent.ShouldContain("Ann");
        (await _voting.GetByTokenAsync(_poll.PublicToken, Ct))!.Results.Voters.ShouldBeEmpty("opening the link confirms nothing");

        await _request.PressAsync(page, "[data-testid=confirm-vote]");

        var uri = Services.GetRequiredService<NavigationManager>().Uri;
        uri.ShouldContain("/polls/answers/");
        uri.ShouldEndWith("?done=confirmed");
        (await _voting.GetByTokenAsync(_poll.PublicToken, Ct))!.Results.Voters.Single().Name.ShouldBe("Ann");

        var editToken = new Uri(uri).AbsolutePath.Split('/')[^1];
        var voterPage = Render<ChangeVotePage>(p => p.Add(x => x.EditToken, editToken).AddCascadingValue(new PlainForm().Http));
        voterPage.Find("[data-testid=vote-confirmed]").TextContent.ShouldContain("Your vote is confirmed");
    }

    [Fact]
    public void A_made_up_confirm_link_says_it_is_not_valid()
    {
        var page = Render<ConfirmVotePage>(p => p.Add(x => x.Token, "not-a-real-token"));

        page.Find("h1").TextContent.ShouldBe("This link is not valid");
        page.FindAll("form").ShouldBeEmpty();
    }

    private async Task<string> ConfirmTokenAsync()
    {
        await using var db = _database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Template == PollTemplates.ConfirmVote, Ct);
        return JsonSerializer.Deserialize<PollConfirmVotePayload>(message.PayloadJson)!.ConfirmPath.Split('/')[^1];
    }
}
