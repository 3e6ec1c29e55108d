using System.Collections.Concurrent;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.NewsRoom;
using EventHub.Core.Tests.OpenSpace;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.NewsRoom;

/// <summary>The news room on the Open Space board's event: an editor (the facilitator) posts; the door team and viewers may not.</summary>
public sealed class NewsServiceTests : IAsyncLifetime
{
    private BoardFixture _f = default!;
    private NewsService _news = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _f = await BoardFixture.CreateAsync();
        _news = new NewsService(_f.Database, _f.Clock, _f.Signal);
        await Teams.JoinEventAsync(_f.Database, Actors.Door, _f.EventId, TeamRole.Door);
        await Teams.JoinEventAsync(_f.Database, Actors.Viewer, _f.EventId, TeamRole.Viewer);
        await Teams.JoinEventAsync(_f.Database, Actors.Editor, _f.EventId, TeamRole.Editor);
        await Teams.StoreAsync(_f.Database, Actors.Stranger);
    }

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task A_facilitator_posts_an_announcement_everyone_reads_it_newest_first_and_the_board_hears_at_once()
    {
        var heard = new ConcurrentBag<string>();
        using var _ = _f.Signal.Subscribe(_f.EventId, m => { heard.Add(m.Topic); return Task.CompletedTask; });

        (await _news.PostAsync(Actors.Organiser, _f.EventId, "Lunch is served", Ct)).Succeeded.ShouldBeTrue();
        _f.Clock.Advance(TimeSpan.FromMinutes(1));
        var posted = await _news.PostAsync(Actors.Organiser, _f.EventId, "  Room B has moved\nto the   library  ", Ct);

        posted.Value!.Text.ShouldBe("Room B has moved to the library");
        posted.Value.PostedBy.ShouldBe(Actors.Organiser.DisplayName);
        (await _news.ReadAsync(_f.EventId, ct: Ct)).Select(a => a.Text).ShouldBe(["Room B has moved to the library", "Lunch is served"]);
        (await _news.ReadAsync(_f.EventId, latest: 1, ct: Ct)).Single().Text.ShouldBe("Room B has moved to the library");
        heard.ShouldContain(LiveTopics.News);
        heard.ShouldContain(LiveTopics.Public);
    }

    [Fact]
    public async Task An_empty_or_overlong_announcement_is_refused_on_its_field_and_nothing_is_posted()
    {
        var empty = await _news.PostAsync(Actors.Organiser, _f.EventId, " \n ", Ct);
        var tooLong = await _news.PostAsync(Actors.Organiser, _f.EventId, new string('a', NewsRules.MaxLength + 1), Ct);
        var justRight = await _news.PostAsync(Actors.Organiser, _f.EventId, new string('a', NewsRules.MaxLength), Ct);

        empty.ErrorFor("Text").ShouldBe(NewsErrors.TextMissing.Message);
        tooLong.ErrorFor("Text").ShouldBe(NewsErrors.TextTooLong.Message);
        justRight.Succeeded.ShouldBeTrue();
        (await _news.ReadAsync(_f.EventId, ct: Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task One_person_may_post_ten_announcements_in_ten_minutes_then_waits_while_others_still_may()
    {
        for (var i = 1; i <= NewsRules.PostsPerWindow; i++)
        {
            (await _news.PostAsync(Actors.Organiser, _f.EventId, $"Notice {i}", Ct)).Succeeded.ShouldBeTrue();
        }

        (await _news.PostAsync(Actors.Organiser, _f.EventId, "One too many", Ct)).ErrorFor("Text").ShouldBe(NewsErrors.TooMany.Message);
        (await _news.PostAsync(Actors.Editor, _f.EventId, "From a colleague", Ct)).Succeeded.ShouldBeTrue();

        _f.Clock.Advance(NewsRules.Window);
        (await _news.PostAsync(Actors.Organiser, _f.EventId, "Later on", Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Only_those_who_run_the_event_post_or_take_down_announcements()
    {
        var posted = (await _news.PostAsync(Actors.Organiser, _f.EventId, "Coffee in the foyer", Ct)).Value!;

        (await _news.PostAsync(Actors.Door, _f.EventId, "From the door", Ct)).IsForbidden.ShouldBeTrue();
        (await _news.PostAsync(Actors.Viewer, _f.EventId, "From a viewer", Ct)).IsForbidden.ShouldBeTrue();
        (await _news.PostAsync(Actors.Stranger, _f.EventId, "From a stranger", Ct)).IsNotFound.ShouldBeTrue();
        (await _news.PostAsync(Actor.Anonymous, _f.EventId, "From anyone", Ct)).Succeeded.ShouldBeFalse();
        (await _news.DeleteAsync(Actors.Door, posted.Id, Ct)).IsForbidden.ShouldBeTrue();
        (await _news.DeleteAsync(Actors.Stranger, posted.Id, Ct)).IsNotFound.ShouldBeTrue();
        (await _news.DeleteAsync(Actor.Anonymous, posted.Id, Ct)).Succeeded.ShouldBeFalse();
        (await _news.ReadAsync(_f.EventId, ct: Ct)).Single().Text.ShouldBe("Coffee in the foyer");

        (await _news.DeleteAsync(Actors.Editor, posted.Id, Ct)).Succeeded.ShouldBeTrue();
        (await _news.ReadAsync(_f.EventId, ct: Ct)).ShouldBeEmpty();
        (await _news.DeleteAsync(Actors.Editor, posted.Id, Ct)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task A_draft_events_news_is_not_public()
    {
        (await _news.PostAsync(Actors.Organiser, _f.EventId, "Setting up", Ct)).Succeeded.ShouldBeTrue();
        await using (var db = _f.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == _f.EventId).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, EventStatus.Draft), Ct);
        }

        (await _news.ReadAsync(_f.EventId, ct: Ct)).ShouldBeEmpty();
    }
}
