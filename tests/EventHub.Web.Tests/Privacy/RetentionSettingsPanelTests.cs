using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Bookings;
using EventHub.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Tests.Privacy;

/// <summary>The retention periods on the event's booking settings page, on the real services and a real SQLite file.</summary>
public sealed class RetentionSettingsPanelTests : WebTestContext
{
    private RetentionService _retention = default!;
    private int _eventId;

    protected override async Task OnInitializedAsync()
    {
        var gate = new BookingWriteGate();
        _retention = new RetentionService(Core.Database, Core.Clock, Options.Create(new PrivacyOptions()));
        Services.AddSingleton(_retention);
        Services.AddSingleton(new BookingSettingsService(Core.Database, Core.Clock, gate));
        Services.AddSingleton(new TicketTypeAdminService(Core.Database, Core.Clock, gate));
        Services.AddSingleton(new QuestionAdminService(Core.Database, Core.Clock, gate));
        await using var db = Core.Database.CreateDbContext();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Digital Forum", Slug = "digital-forum", Status = EventStatus.Published, Capacity = 10,
            StartUtc = new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 10, 20, 16, 0, 0, DateTimeKind.Utc),
            CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync();
        _eventId = ev.Id;
        await Teams.JoinEventAsync(Core.Database, Actors.Organiser, _eventId, EventHub.Core.Events.Access.TeamRole.Owner);
    }

    [Fact]
    public void The_page_says_in_words_how_long_data_is_kept_and_until_when()
    {
        SignInAsOrganiser();

        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));

        page.WaitForAssertion(() => page.Find("[data-testid=retention-words]").TextContent
            .ShouldContain("kept for 12 months after the event (the site default), until Wed 20 Oct 2027"));
        page.Find("[data-testid=retention-words]").TextContent.ShouldContain("kept for 7 days after the event (the site default), until Tue 27 Oct 2026");
    }

    [Fact]
    public async Task Saving_a_shorter_period_says_what_happened_and_is_kept()
    {
        SignInAsOrganiser();
        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=save-retention]"));

        page.Find("#retention-PersonalDataMonths").Change("6");
        page.Find("#retention-NeedsDays").Change("0");
        page.Find("[data-testid=save-retention]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=retention-message]").TextContent.ShouldBe(
            "Saved. Personal data is kept for 6 months after the event (set for this event); access and dietary needs are kept until the event ends (set for this event)."));
        page.Find("[data-testid=retention-words]").TextContent.ShouldContain("until Tue 20 Apr 2027");
        var stored = (await _retention.GetForEventAsync(EventHub.Core.Tests.Support.Actors.Organiser, _eventId, Xunit.TestContext.Current.CancellationToken)).Value!;
        stored.Own.PersonalDataMonths.ShouldBe(6);
        stored.Own.NeedsDays.ShouldBe(0);
    }

    [Fact]
    public async Task A_period_out_of_range_shows_the_problem_and_keeps_what_was_typed()
    {
        SignInAsOrganiser();
        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=save-retention]"));

        page.Find("#retention-PersonalDataMonths").Change("200");
        page.Find("[data-testid=save-retention]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=retention-error-summary]").TextContent.ShouldContain("There is a problem"));
        page.Find("[data-testid=retention-error-summary] a").GetAttribute("href")!.ShouldEndWith("#retention-PersonalDataMonths");
        page.Find("#retention-PersonalDataMonths").GetAttribute("value").ShouldBe("200");
        page.Find("#retention-PersonalDataMonths").GetAttribute("aria-invalid").ShouldBe("true");
        (await _retention.GetForEventAsync(EventHub.Core.Tests.Support.Actors.Organiser, _eventId, Xunit.TestContext.Current.CancellationToken)).Value!
            .Own.PersonalDataMonths.ShouldBeNull();
    }
}
