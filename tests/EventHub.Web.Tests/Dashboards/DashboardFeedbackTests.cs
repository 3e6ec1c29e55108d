using Bunit;
using EventHub.Core.Events.Access;
using EventHub.Core.Feedback;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Dashboards;
using EventHub.Web.Features.Feedback;

namespace EventHub.Web.Tests.Dashboards;

/// <summary>The feedback block on the event dashboard: the averages as a chart and a table, the way to the results and the CSV.</summary>
public sealed class DashboardFeedbackTests : DashboardTestContext
{
    private int _eventId;
    private int _emptyId;

    protected override async Task SeedAsync()
    {
        _eventId = await Kit.EventAsync(20, Kit.Now.AddDays(-20), Kit.Now.AddDays(-1));
        _emptyId = await Kit.EventAsync(20, Kit.Now.AddDays(-20), Kit.Now.AddDays(-1));
        var questions = Kit.Services.Get<FeedbackQuestionService>();
        var useful = (await questions.AddAsync(Actors.Organiser, _eventId, new FeedbackQuestionInput("How useful was the <b>marketplace</b>?", FeedbackQuestionKind.Rating, null))).Value!;
        await questions.AddAsync(Actors.Organiser, _eventId, new FeedbackQuestionInput("Anything else?", FeedbackQuestionKind.ShortText, null));
        var feedback = Kit.Services.Get<FeedbackService>();
        foreach (var (email, score, marketplace) in new[] { ("a@devon.gov.uk", 5, "4"), ("b@devon.gov.uk", 4, "3"), ("c@devon.gov.uk", 5, "") })
        {
            var token = await Kit.BookWithManageLinkAsync(_eventId, email);
            var answers = marketplace.Length > 0 ? new Dictionary<int, string> { [useful.Id] = marketplace } : null;
            (await feedback.GiveAsync(token, new FeedbackInput(score, "", "", answers))).Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public void The_owner_sees_how_many_answered_each_scores_average_as_a_chart_and_a_table_and_the_links()
    {
        SignIn(Actors.Organiser);

        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-feedback-summary]").TextContent.ShouldBe(
            "3 people have given feedback; the average overall score is 4.7 out of 5."));
        var block = cut.Find("[data-testid=dashboard-feedback]");
        block.QuerySelectorAll("svg").Length.ShouldBeGreaterThanOrEqualTo(1);
        cut.FindAll("[data-testid=dashboard-feedback-averages] tbody tr").Select(r => r.TextContent)
            .ShouldBe(["Overall score4.73", "How useful was the <b>marketplace</b>?3.52"]);
        block.InnerHtml.ShouldContain("&lt;b&gt;marketplace");
        cut.Find("[data-testid=dashboard-feedback-results]").GetAttribute("href").ShouldBe($"/organiser/events/{_eventId}/feedback");
        cut.Find("[data-testid=dashboard-feedback-csv]").GetAttribute("href").ShouldBe($"/organiser/events/{_eventId}/feedback.csv");
    }

    [Fact]
    public void With_no_answers_yet_the_block_says_so_and_links_to_the_form_s_questions_but_offers_no_csv()
    {
        SignIn(Actors.Organiser);

        var cut = Render<EventDashboard>(p => p.Add(c => c.EventId, _emptyId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-feedback-summary]").TextContent.ShouldBe(
            "Nobody has given feedback yet. People answer from the link in the follow-up email or on their booking's page."));
        cut.Find("[data-testid=dashboard-feedback-results]").TextContent.ShouldBe("See all the feedback and add your own questions to the form");
        cut.FindAll("[data-testid=dashboard-feedback-averages]").ShouldBeEmpty();
        cut.FindAll("[data-testid=dashboard-feedback-csv]").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_viewer_on_the_team_sees_the_block()
    {
        await Teams.JoinEventAsync(Kit.Database, Actors.Viewer, _eventId, TeamRole.Viewer);
        SignIn(Actors.Viewer);

        var cut = Render<FeedbackDashboardBlock>(p => p.Add(c => c.EventId, _eventId));

        cut.WaitForAssertion(() => cut.Find("[data-testid=dashboard-feedback-summary]").TextContent.ShouldStartWith("3 people have given feedback"));
    }

    [Fact]
    public async Task The_door_team_gets_no_block_as_the_service_refuses_them()
    {
        await Teams.JoinEventAsync(Kit.Database, Actors.Door, _eventId, TeamRole.Door);
        var ct = Xunit.TestContext.Current.CancellationToken;
        (await Kit.Services.Get<FeedbackService>().ResultsAsync(Actors.Door, _eventId, ct)).Succeeded.ShouldBeFalse();
        SignIn(Actors.Door);

        var cut = Render<FeedbackDashboardBlock>(p => p.Add(c => c.EventId, _eventId));
        // Give the load longer than the owner's takes, so an empty render is not just an early look.
        await Task.Delay(300, ct);
        cut.Render();

        cut.Markup.Trim().ShouldBeEmpty();
    }
}
