using EventHub.Core.Email;
using EventHub.Core.Email.Rendering;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using Calendar = Ical.Net.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Events;

public sealed class CalendarFeedTests : IAsyncLifetime
{
    private static readonly EmailOptions Options = new() { PublicBaseUrl = "https://events.devon.example" };
    private CoreServices _services = default!;
    private CalendarFeed _feed = default!;

    public async ValueTask InitializeAsync()
    {
        // 2 October 2026: the forum on 25 October is upcoming and falls on the day the clocks go back.
        _services = await CoreServices.CreateAsync(Clock.At(2026, 10, 2), s => s.Configure<EmailOptions>(o => o.PublicBaseUrl = Options.PublicBaseUrl));
        _feed = _services.Get<CalendarFeed>();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<EventSeries> AddSeriesAsync(string slug)
    {
        await using var db = _services.Database.CreateDbContext();
        var series = new EventSeries { Name = "Social Media Forum", Slug = slug };
        db.Series.Add(series);
        await db.SaveChangesAsync(Ct);
        return series;
    }

    private async Task<Event> AddEventAsync(string slug, EventStatus status, DateTime startUtc, DateTime endUtc, int? seriesId = null)
    {
        await using var db = _services.Database.CreateDbContext();
        var ev = new Event
        {
            Title = "Forum " + slug, Slug = slug, Status = status, SeriesId = seriesId, Capacity = 40,
            VenueName = "County Hall", VenueAddress = "Topsham Road\nExeter", TimeZoneId = "Europe/London",
            StartUtc = startUtc, EndUtc = endUtc, CreatedUtc = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        db.Events.Add(ev);
        await db.SaveChangesAsync(Ct);
        return ev;
    }

    private static DateTime Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_feed_keeps_each_events_UID_across_calls_and_it_equals_the_booking_invites()
    {
        var ev = await AddEventAsync("autumn", EventStatus.Published, Utc(10, 25, 9), Utc(10, 25, 16));

        var first = Calendar.Load((await _feed.AllEventsAsync(Ct)).Text)!.Events.Single();
        var second = Calendar.Load((await _feed.AllEventsAsync(Ct)).Text)!.Events.Single();
        var invite = Calendar.Load(CalendarInvite.Create(EmailEventSource.Snapshot(ev), 0, cancel: false, "https://x.example/manage", Options))!.Events.Single();

        first.Uid.ShouldBe(second.Uid);
        first.Uid.ShouldBe(invite.Uid);
        first.Uid.ShouldBe($"eventhub-event-{ev.Id}@events.devon.example");
    }

    [Fact]
    public async Task Times_are_right_on_both_sides_of_the_October_clock_change_in_London()
    {
        // 24 October is still summer time (UTC+1); 25 October 2026 is the day the clocks go back (UTC+0).
        await AddEventAsync("before-change", EventStatus.Published, Utc(10, 24, 8), Utc(10, 24, 15));
        await AddEventAsync("change-day", EventStatus.Published, Utc(10, 25, 9), Utc(10, 25, 16));

        var events = Calendar.Load((await _feed.AllEventsAsync(Ct)).Text)!.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();

        events[0].DtStart!.AsUtc.ShouldBe(Utc(10, 24, 8));
        events[0].DtStart!.Value.Hour.ShouldBe(9);
        events[0].DtStart!.TzId.ShouldBe("Europe/London");
        events[0].DtEnd!.AsUtc.ShouldBe(Utc(10, 24, 15));
        events[1].DtStart!.AsUtc.ShouldBe(Utc(10, 25, 9));
        events[1].DtStart!.Value.Hour.ShouldBe(9);
        events[1].DtEnd!.AsUtc.ShouldBe(Utc(10, 25, 16));
    }

    [Fact]
    public async Task Each_entry_has_the_place_and_a_link_to_the_event_page_and_a_cancelled_event_says_so()
    {
        await AddEventAsync("on", EventStatus.Published, Utc(10, 20, 9), Utc(10, 20, 16));
        await AddEventAsync("off", EventStatus.Cancelled, Utc(10, 21, 9), Utc(10, 21, 16));

        var events = Calendar.Load((await _feed.AllEventsAsync(Ct)).Text)!.Events.ToDictionary(e => e.Summary!);

        events["Forum on"].Location.ShouldBe("County Hall, Topsham Road, Exeter");
        events["Forum on"].Url.ShouldBe(new Uri("https://events.devon.example/events/on"));
        events["Forum on"].Status.ShouldBe("CONFIRMED");
        events["Forum off"].Status.ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task Drafts_and_long_past_events_never_appear_and_a_series_feed_holds_only_its_editions()
    {
        var series = await AddSeriesAsync("social-media-forum");
        await AddEventAsync("edition", EventStatus.Published, Utc(10, 20, 9), Utc(10, 20, 16), series.Id);
        await AddEventAsync("recent", EventStatus.Completed, Utc(9, 20, 9), Utc(9, 20, 16), series.Id);
        await AddEventAsync("secret", EventStatus.Draft, Utc(10, 22, 9), Utc(10, 22, 16), series.Id);
        await AddEventAsync("long-ago", EventStatus.Completed, Utc(3, 1, 9), Utc(3, 1, 16), series.Id);
        await AddEventAsync("elsewhere", EventStatus.Published, Utc(10, 23, 9), Utc(10, 23, 16));

        var all = Calendar.Load((await _feed.AllEventsAsync(Ct)).Text)!.Events.Select(e => e.Summary).Order().ToList();
        var ofSeries = Calendar.Load((await _feed.SeriesAsync("social-media-forum", Ct))!.Text)!.Events.Select(e => e.Summary).Order().ToList();

        all.ShouldBe(["Forum edition", "Forum elsewhere", "Forum recent"]);
        ofSeries.ShouldBe(["Forum edition", "Forum recent"]);
        (await _feed.SeriesAsync("no-such-series", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task A_feed_says_when_an_event_in_its_scope_last_changed_a_draft_included_so_unpublishing_counts()
    {
        var series = await AddSeriesAsync("social-media-forum");
        var edition = await AddEventAsync("edition", EventStatus.Published, Utc(10, 20, 9), Utc(10, 20, 16), series.Id);
        var draft = await AddEventAsync("secret", EventStatus.Draft, Utc(10, 22, 9), Utc(10, 22, 16), series.Id);
        var elsewhere = await AddEventAsync("elsewhere", EventStatus.Published, Utc(10, 23, 9), Utc(10, 23, 16));
        await using (var db = _services.Database.CreateDbContext())
        {
            foreach (var (id, updated) in new[] { (edition.Id, Utc(9, 10, 8)), (draft.Id, Utc(9, 12, 8)), (elsewhere.Id, Utc(9, 15, 8)) })
            {
                var ev = await db.Events.FindAsync([id], Ct);
                ev!.UpdatedUtc = updated;
            }

            await db.SaveChangesAsync(Ct);
        }

        (await _feed.SeriesAsync("social-media-forum", Ct))!.ChangedUtc.ShouldBe(Utc(9, 12, 8));
        (await _feed.AllEventsAsync(Ct)).ChangedUtc.ShouldBe(Utc(9, 15, 8));
        (await AddSeriesAsync("empty")).ShouldNotBeNull();
        (await _feed.SeriesAsync("empty", Ct))!.ChangedUtc.ShouldBeNull();
    }
}
