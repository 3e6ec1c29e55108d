using EventHub.Core.Events;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Events;

/// <summary>Tags: what is typed, what is stored, and the upcoming events found by tag or series (both engines).</summary>
public sealed class EventTagsTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private EventService _events = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _services = await CoreServices.CreateAsync();
        _events = _services.Get<EventService>();
        await Teams.StoreAsync(_services.Database, Actors.Organiser);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public void Typed_tags_become_web_address_words_each_once_in_the_order_typed()
    {
        EventTags.Parse(" Digital, Housing Forum ,digital,, Café & Culture", out var error).ShouldBe(["digital", "housing-forum", "cafe-and-culture"]);
        error.ShouldBeNull();
        EventTags.Store(["digital", "housing-forum"]).ShouldBe(",digital,housing-forum,");
        EventTags.Read(",digital,housing-forum,").ShouldBe(["digital", "housing-forum"]);
        EventTags.ForInput(",digital,housing-forum,").ShouldBe("digital, housing-forum");
        EventTags.Store([]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("digital, !!!", "Tags must have letters or numbers in them (\"!!!\" has none)")]
    [InlineData("a-tag-that-is-far-too-long-to-be-a-tag", "Each tag must be 30 characters or fewer (\"a-tag-that-is-far-to…\" is longer)")]
    [InlineData("a,b,c,d,e,f,g,h,i,j,k", "An event can have at most 10 tags")]
    public void Tags_that_cannot_be_stored_are_refused_not_cut(string typed, string message)
    {
        EventTags.Parse(typed, out var error).ShouldBeEmpty();
        error.ShouldBe(message);
    }

    [Fact]
    public async Task An_organiser_saves_tags_and_a_bad_one_is_refused_at_the_field_with_the_event_unchanged()
    {
        var created = (await _events.CreateAsync(Actors.Organiser, Forum("Tagged forum", "Digital, Housing"), Ct)).Value!;
        created.Tags.ShouldBe(",digital,housing,");
        var input = EventInput.From(created);
        input.Tags.ShouldBe("digital, housing");

        input.Tags = "digital, ???";
        var refused = await _events.UpdateAsync(Actors.Organiser, created.Id, input, Ct);

        refused.Errors.ShouldHaveSingleItem().Field.ShouldBe(nameof(EventInput.Tags));
        (await _events.GetAsync(Actors.Organiser, created.Id, Ct))!.Event.Tags.ShouldBe(",digital,housing,");
    }

    [Fact]
    public async Task A_tag_finds_upcoming_public_events_with_that_whole_tag_only()
    {
        var digital = await PublishedAsync("Digital forum", "digital, housing");
        await PublishedAsync("Digital inclusion forum", "digital-inclusion");
        var draft = (await _events.CreateAsync(Actors.Organiser, Forum("Draft digital forum", "digital"), Ct)).Value!;
        var publicEvents = _services.Get<PublicEvents>();

        var found = await publicEvents.UpcomingWithTagAsync("digital", ct: Ct);

        found.ShouldHaveSingleItem().Slug.ShouldBe(digital.Slug);
        draft.Tags.ShouldBe(",digital,");
        (await publicEvents.UpcomingWithTagAsync("housing", ct: Ct)).ShouldHaveSingleItem().Slug.ShouldBe(digital.Slug);
        (await publicEvents.UpcomingWithTagAsync("digit", ct: Ct)).ShouldBeEmpty();
        (await publicEvents.UpcomingWithTagAsync("%", ct: Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_series_lists_its_upcoming_public_editions_a_page_at_a_time_and_an_unknown_series_is_null()
    {
        var series = (await _services.Get<SeriesService>().CreateAsync(Actors.Organiser, new SeriesInput { Name = "Devon Digital Forum" }, Ct)).Value!;
        foreach (var title in new[] { "Spring", "Summer", "Autumn" })
        {
            var input = Forum(title);
            input.SeriesId = series.Id;
            var ev = (await _events.CreateAsync(Actors.Organiser, input, Ct)).Value!;
            (await _events.SetStatusAsync(Actors.Organiser, ev.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        }

        await PublishedAsync("Not in the series");
        var publicEvents = _services.Get<PublicEvents>();

        var found = (await publicEvents.UpcomingInSeriesPageAsync(series.Slug, 0, pageSize: 2, Ct))!.Value;
        var second = (await publicEvents.UpcomingInSeriesPageAsync(series.Slug, 1, pageSize: 2, Ct))!.Value;

        found.Name.ShouldBe("Devon Digital Forum");
        found.Editions.Items.Select(e => e.Title).ShouldBe(["Spring", "Summer"]);
        found.Editions.TotalCount.ShouldBe(3);
        second.Editions.Items.Select(e => e.Title).ShouldBe(["Autumn"]);
        (await publicEvents.UpcomingInSeriesPageAsync("no-such-series", 0, ct: Ct)).ShouldBeNull();
    }

    private static int _day;

    private static EventInput Forum(string title, string tags = "")
    {
        var day = new DateTime(2026, 12, 1).AddDays(Interlocked.Increment(ref _day) % 20);
        return new EventInput { Title = title, VenueName = "County Hall", StartLocal = day.AddHours(9), EndLocal = day.AddHours(16), Capacity = 80, Tags = tags };
    }

    private async Task<Event> PublishedAsync(string title, string tags = "")
    {
        var ev = (await _events.CreateAsync(Actors.Organiser, Forum(title, tags), Ct)).Value!;
        (await _events.SetStatusAsync(Actors.Organiser, ev.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        return ev;
    }
}
