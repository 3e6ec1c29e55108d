using Bunit;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Events.Organiser;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.Events;

public sealed class CopyEditionPanelTests : WebTestContext
{
    protected override Task OnInitializedAsync()
    {
        SignInAsOrganiser();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Copying_without_a_date_marks_the_date_field_and_copies_nothing()
    {
        var eventId = await AddEventAsync();
        var panel = Render<CopyEditionPanel>(p => p.Add(c => c.EventId, eventId).Add(c => c.TimeZoneId, "Europe/London"));

        panel.Find("form[data-testid=copy-edition-form]").Submit();

        var summary = panel.WaitForElement("[data-testid=copy-error-summary]");
        summary.TextContent.ShouldContain("There is a problem");
        summary.QuerySelector("a[href$='#copy-NewStartDate']").ShouldNotBeNull();
        panel.Find("#copy-NewStartDate-error").TextContent.ShouldContain(EventErrors.CopyDateMissing.Message);
        panel.Find("#copy-NewStartDate").GetAttribute("aria-invalid").ShouldBe("true");
        await using var db = Core.Database.CreateDbContext();
        (await db.Events.CountAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task A_copy_says_what_was_copied_and_links_to_the_new_draft()
    {
        var eventId = await AddEventAsync();
        var panel = Render<CopyEditionPanel>(p => p.Add(c => c.EventId, eventId).Add(c => c.TimeZoneId, "Europe/London"));

        panel.Find("#copy-NewStartDate").Change("2027-03-04");
        panel.Find("form[data-testid=copy-edition-form]").Submit();

        var message = panel.WaitForElement("[data-testid=copy-message]");
        message.TextContent.ShouldContain("Copied as a new draft edition on Thu 4 Mar 2027: 1 room, 0 sessions.");
        await using var db = Core.Database.CreateDbContext();
        var copy = await db.Events.SingleAsync(e => e.Id != eventId, Xunit.TestContext.Current.CancellationToken);
        copy.Status.ShouldBe(EventStatus.Draft);
        panel.Find("[data-testid=open-copy]").GetAttribute("href").ShouldBe($"/organiser/events/{copy.Id}");
    }

    private async Task<int> AddEventAsync()
    {
        await using var db = Core.Database.CreateDbContext();
        var start = new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc);
        var ev = new Event { Title = "Social Media Forum", Slug = "social-media-forum-winter", StartUtc = start, EndUtc = start.AddHours(6), Capacity = 80, Status = EventStatus.Published };
        ev.Rooms.Add(new Room { Name = "Council chamber" });
        db.Add(ev);
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        await Teams.JoinEventAsync(Core.Database, Actors.Organiser, ev.Id, EventHub.Core.Events.Access.TeamRole.Owner);
        return ev.Id;
    }
}
