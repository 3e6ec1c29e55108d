using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Proceedings;

/// <summary>The published proceedings page is output-cached; saving a session's notes makes it show them at once.</summary>
public sealed class NotesProceedingsCacheTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_note_shows_on_the_cached_proceedings_page_at_once()
    {
        var notes = await NotesSeed.CreateAsync(_app);
        (await _app.Service<ProceedingsService>().SetPublishedAsync(Actor.System, notes.Event.EventId, true, Ct)).Succeeded.ShouldBeTrue();
        var path = $"/events/{notes.Event.Slug}/proceedings";
        using var client = _app.CreateHttpClient();
        await client.GetAsync(path, Ct);
        using (var cached = await client.GetAsync(path, Ct))
        {
            cached.Headers.Age.ShouldNotBeNull("the proceedings page should come from the cache before the save");
        }

        (await _app.Service<NotesService>().SaveNotesAsync(EditorKey.ForToken(notes.Token), new NotesInput { KeyPoints = "Publish GTFS every week", BaseRevision = 0 }, Ct))
            .Succeeded.ShouldBeTrue();

        // The eviction travels on the live signal: allow it a moment, far less than the cache's one-minute expiry.
        var html = await client.GetStringAsync(path, Ct);
        for (var i = 0; i < 20 && !html.Contains("Publish GTFS every week", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, Ct);
            html = await client.GetStringAsync(path, Ct);
        }

        html.ShouldContain("Publish GTFS every week", customMessage: "the proceedings page still shows what it cached before the notes were saved");
    }
}
