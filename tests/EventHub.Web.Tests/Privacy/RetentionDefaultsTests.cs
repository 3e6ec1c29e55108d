using Bunit;
using EventHub.Core.Events;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Privacy;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.Privacy;

/// <summary>The site's retention defaults (administrators) and a series' own periods, on the real services and a real SQLite file.</summary>
public sealed class RetentionDefaultsTests : WebTestContext
{
    private int _seriesId;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override async Task OnInitializedAsync()
    {
        await using var db = Core.Database.CreateDbContext();
        var series = new EventSeries { Name = "Digital Forum", Slug = "digital-forum", CreatedUtc = Core.Clock.GetUtcNow().UtcDateTime };
        db.Add(series);
        await db.SaveChangesAsync();
        _seriesId = series.Id;
        await Teams.JoinSeriesAsync(Core.Database, Actors.Organiser, _seriesId, EventHub.Core.Events.Access.TeamRole.Owner);
    }

    [Fact]
    public async Task An_administrator_sets_the_site_defaults_and_is_told_what_they_now_are()
    {
        SignInAsAnAdministrator();
        var page = Render<SiteRetentionPage>();
        page.WaitForAssertion(() => page.Find("#retention-PersonalDataMonths").GetAttribute("value").ShouldBe("12"));

        page.Find("#retention-PersonalDataMonths").Change("3");
        page.Find("#retention-NeedsDays").Change("1");
        page.Find("[data-testid=site-retention-form]").Submit();

        page.WaitForAssertion(() => page.Find("[data-testid=retention-message]").TextContent.ShouldBe(
            "Saved. Events with no periods of their own (or their series') keep personal data for 3 months after the event (the site default), and access and dietary needs for 1 day after the event (the site default)."));
        await using var db = Core.Database.CreateDbContext();
        var row = await db.Set<SiteRetention>().SingleAsync(Ct);
        (row.PersonalDataMonths, row.NeedsDays).ShouldBe((3, 1));
    }

    [Fact]
    public async Task Site_defaults_out_of_range_show_the_problem_keep_what_was_typed_and_change_nothing()
    {
        SignInAsAnAdministrator();
        var page = Render<SiteRetentionPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=save-retention]"));

        page.Find("#retention-PersonalDataMonths").Change("500");
        page.Find("#retention-NeedsDays").Change("");
        page.Find("[data-testid=site-retention-form]").Submit();

        page.WaitForAssertion(() => page.Find("[data-testid=retention-error-summary]").TextContent.ShouldContain("There is a problem"));
        page.FindAll("[data-testid=retention-error-summary] a").Select(a => a.GetAttribute("href")!.Split('#')[1]).ShouldBe(["retention-PersonalDataMonths", "retention-NeedsDays"]);
        page.Find("#retention-PersonalDataMonths").GetAttribute("value").ShouldBe("500");
        page.Find("#retention-PersonalDataMonths").GetAttribute("aria-invalid").ShouldBe("true");
        page.FindAll("[data-testid=retention-message]").ShouldBeEmpty();
        await using var db = Core.Database.CreateDbContext();
        (await db.Set<SiteRetention>().AnyAsync(Ct)).ShouldBeFalse("refused, not clamped to 120");
    }

    [Fact]
    public async Task A_series_sets_its_own_periods_on_its_settings_and_blank_fields_say_what_they_fall_back_to()
    {
        await Core.Get<RetentionService>().SaveSiteDefaultsAsync(Actors.Admin, new RetentionInput { PersonalDataMonths = 9, NeedsDays = 4 }, Ct);
        SignInAsOrganiser();
        var page = Render<SeriesRetentionPanel>(p => p.Add(c => c.SeriesId, _seriesId));
        page.WaitForAssertion(() => page.Find("#retention-PersonalDataMonths-hint").TextContent.ShouldContain("for 9 months after the event (the site default)"));

        page.Find("#retention-PersonalDataMonths").Change("24");
        page.Find("[data-testid=save-retention]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=retention-message]").TextContent.ShouldBe(
            "Saved. Editions without their own periods keep personal data for 24 months after the event (set for this series); access and dietary needs for 4 days after the event (the site default)."));
        (await Core.Get<RetentionService>().GetForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!.Own.PersonalDataMonths.ShouldBe(24);
    }

    [Fact]
    public async Task A_series_period_out_of_range_is_refused_with_the_problem_shown()
    {
        SignInAsOrganiser();
        var page = Render<SeriesRetentionPanel>(p => p.Add(c => c.SeriesId, _seriesId));
        page.WaitForAssertion(() => page.Find("[data-testid=save-retention]"));

        page.Find("#retention-NeedsDays").Change("400");
        page.Find("[data-testid=save-retention]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=retention-error-summary]").TextContent.ShouldContain("There is a problem"));
        page.Find("#retention-NeedsDays").GetAttribute("value").ShouldBe("400");
        (await Core.Get<RetentionService>().GetForSeriesAsync(Actors.Organiser, _seriesId, Ct)).Value!.Own.NeedsDays.ShouldBeNull();
    }
}
