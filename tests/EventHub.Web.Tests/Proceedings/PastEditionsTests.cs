using Bunit;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;

namespace EventHub.Web.Tests.Proceedings;

public sealed class PastEditionsTests : BoardContext
{
    [Fact]
    public async Task The_series_page_lists_what_past_editions_left_behind_with_a_link_to_their_proceedings()
    {
        int pastEventId;
        await using (var db = Database.CreateDbContext())
        {
            var series = new EventSeries { Name = "Open Data Day", Slug = "open-data-day" };
            var start = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);
            var past = new Event
            {
                Title = "Open Data Day 2026", Slug = "odd-2026", Kind = EventKind.OpenSpace, Status = EventStatus.Completed,
                Series = series, Summary = "A day about *open* data.", StartUtc = start, EndUtc = start.AddHours(8), Capacity = 50,
            };
            db.Events.Add(past);
            await db.SaveChangesAsync();
            pastEventId = past.Id;
        }

        var page = Render<PastEditions>(p => p.Add(x => x.SeriesSlug, "open-data-day"));
        page.WaitForAssertion(() => page.FindAll("[data-testid=past-editions-record]").ShouldBeEmpty());

        await Services.GetService<ProceedingsService>()!.SetPublishedAsync(Actors.Admin, pastEventId, true);
        page = Render<PastEditions>(p => p.Add(x => x.SeriesSlug, "open-data-day"));

        page.WaitForAssertion(() => page.Find("[data-testid=past-editions-record]"));
        page.Find("h3 a").GetAttribute("href").ShouldBe("/events/odd-2026");
        page.FindAll("a[href$='/proceedings']").Select(a => a.GetAttribute("href")).ShouldBe(["/events/odd-2026/proceedings"]);
        page.Markup.ShouldContain("A day about open data.");
    }
}
