using EventHub.Core.Common;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Proceedings;

public sealed class NotesServiceTests
{
    [Fact]
    public async Task The_private_link_opens_the_notes_template_with_the_convener_filled_in()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var page = await f.Notes.GetAsync(f.Key);

        page!.SessionTitle.ShouldBe("Publishing bus timetables");
        page.Convener.ShouldBe("Cat Convener");
        page.Revision.ShouldBe(0);
        page.LastSavedUtc.ShouldBeNull();
        f.Token.Length.ShouldBeGreaterThanOrEqualTo(27);
    }

    [Fact]
    public async Task A_made_up_token_opens_nothing_and_cannot_save()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        (await f.Notes.GetAsync(EditorKey.ForToken(SecureTokens.New()))).ShouldBeNull();
        // One character changed (never to itself: a token starting with "x" made this test pass the real token, 1 run in 64).
        var madeUp = (f.Token[0] == 'x' ? "y" : "x") + f.Token[1..];
        var save = await f.Notes.SaveNotesAsync(EditorKey.ForToken(madeUp), new NotesInput { KeyPoints = "Hacked" });

        save.ErrorCode.ShouldBe(ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Saving_notes_keeps_them_and_counts_revisions_with_the_time_saved()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var first = await f.Notes.SaveNotesAsync(f.Key, new NotesInput { KeyPoints = "- GTFS is the format", BaseRevision = 0 });
        f.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await f.Notes.SaveNotesAsync(f.Key, new NotesInput { KeyPoints = "- GTFS is the format\n- Publish weekly", Actions = "Ann to draft a guide", BaseRevision = 1 });

        first.Value!.Revision.ShouldBe(1);
        second.Value!.Revision.ShouldBe(2);
        second.Value.SavedUtc.ShouldBe(f.Clock.GetUtcNow().UtcDateTime);
        var page = await f.Notes.GetAsync(f.Key);
        page!.KeyPoints.ShouldBe("- GTFS is the format\n- Publish weekly");
        page.Actions.ShouldBe("Ann to draft a guide");
        page.Revision.ShouldBe(2);
        page.LastSavedUtc.ShouldBe(second.Value.SavedUtc);
    }

    [Fact]
    public async Task A_save_based_on_an_older_revision_is_refused_rather_than_overwriting()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await f.Notes.SaveNotesAsync(f.Key, new NotesInput { KeyPoints = "Mine", BaseRevision = 0 });

        var late = await f.Notes.SaveNotesAsync(EditorKey.ForOrganiser(Actors.Organiser, f.SessionId), new NotesInput { KeyPoints = "Theirs", BaseRevision = 0 });

        late.ErrorCode.ShouldBe(ProceedingsErrors.Stale.Code);
        (await f.Notes.GetAsync(f.Key))!.KeyPoints.ShouldBe("Mine");
    }

    [Fact]
    public async Task Organisers_can_edit_any_session_notes_without_the_link_but_others_cannot()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        (await f.Notes.SaveNotesAsync(EditorKey.ForOrganiser(Actors.Organiser, f.SessionId), new NotesInput { Actions = "Publish" })).Succeeded.ShouldBeTrue();
        (await f.Notes.SaveNotesAsync(new EditorKey(Actor.Anonymous, f.SessionId, null), new NotesInput { Actions = "Nope" })).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await f.Notes.GetAsync(f.Key))!.Actions.ShouldBe("Publish");
    }

    [Fact]
    public async Task Naming_who_took_part_needs_their_consent()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var refused = await f.Notes.SaveNotesAsync(f.Key, new NotesInput { Participants = "Ann, Bob" });
        var saved = await f.Notes.SaveNotesAsync(f.Key, new NotesInput { Participants = "Ann, Bob", ParticipantsConsented = true });

        refused.ErrorFor(nameof(NotesInput.ParticipantsConsented)).ShouldBe(ProceedingsErrors.Consent.Message);
        saved.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Markdown_with_script_tags_and_javascript_links_is_rendered_inert()
    {
        await using var f = await ProceedingsFixture.CreateAsync(EventHub.Core.Events.EventStatus.Completed);
        await f.Notes.SaveNotesAsync(f.Key, new NotesInput
        {
            KeyPoints = "<script>alert('x')</script>\n\n[click me](javascript:alert(1)) and <img src=x onerror=alert(2)> and [ok](https://example.org)",
        });
        await f.Proceedings.SetPublishedAsync(Actors.Organiser, f.EventId, true);

        var book = await f.Proceedings.GetBookAsync(Actor.Anonymous, f.Slug);
        var html = book!.Sessions.Single().KeyPointsHtml;

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldContain("&lt;script&gt;");
        html.ShouldContain("href=\"https://example.org\"");
    }
}
