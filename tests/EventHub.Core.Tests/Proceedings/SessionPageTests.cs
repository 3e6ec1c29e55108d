using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Proceedings;

public sealed class SessionPageTests
{
    [Fact]
    public async Task A_write_up_posted_on_the_session_page_shows_there_only_once_an_organiser_approves_it()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var posted = await f.WriteUps.SubmitWriteUpAsync(f.Slug, f.SessionId, new WriteUpInput("Ann", "Great *session*<script>alert(1)</script>", null));

        posted.Value!.Status.ShouldBe(WriteUpStatus.Pending);
        (await f.WriteUps.GetSessionPageAsync(f.Slug, f.SessionId))!.WriteUps.ShouldBeEmpty();
        (await f.WriteUps.ModerateWriteUpAsync(Actors.Organiser, posted.Value.Id, approve: true)).Succeeded.ShouldBeTrue();
        var shown = (await f.WriteUps.GetSessionPageAsync(f.Slug, f.SessionId))!.WriteUps.ShouldHaveSingleItem();
        shown.TextHtml.ShouldContain("<em>session</em>");
        shown.TextHtml.ShouldNotContain("<script");
    }

    [Fact]
    public async Task Where_organisers_trust_contributors_a_write_up_shows_at_once()
    {
        await using var f = await ProceedingsFixture.CreateAsync();
        await f.WriteUps.SetTrustContributorsAsync(Actors.Organiser, f.EventId, true);

        await f.WriteUps.SubmitWriteUpAsync(f.Slug, f.SessionId, new WriteUpInput("Bob", null, "https://bob.example.org/post"));

        (await f.WriteUps.GetSessionPageAsync(f.Slug, f.SessionId))!.WriteUps.ShouldHaveSingleItem().Url.ShouldBe("https://bob.example.org/post");
    }

    [Fact]
    public async Task Write_ups_with_a_link_that_is_not_http_or_too_long_a_text_are_refused()
    {
        await using var f = await ProceedingsFixture.CreateAsync();

        var outcome = await f.WriteUps.SubmitWriteUpAsync(f.Slug, f.SessionId,
            new WriteUpInput("Eve", new string('x', ProceedingsRules.MaxWriteUpLength + 1), "javascript:alert(1)"));

        outcome.ErrorFor(nameof(WriteUpInput.Url)).ShouldBe(ProceedingsErrors.LinkUrl.Message);
        outcome.ErrorFor(nameof(WriteUpInput.Text)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Sessions_of_draft_events_or_of_another_event_have_no_public_page_and_take_no_write_ups()
    {
        await using var draft = await ProceedingsFixture.CreateAsync(EventStatus.Draft);

        (await draft.WriteUps.GetSessionPageAsync(draft.Slug, draft.SessionId)).ShouldBeNull();
        (await draft.WriteUps.SubmitWriteUpAsync(draft.Slug, draft.SessionId, new WriteUpInput("Ann", "Hi", null))).ErrorCode.ShouldBe(ErrorCodes.NotFound);
        (await draft.WriteUps.GetSessionPageAsync("another-event", draft.SessionId)).ShouldBeNull();
    }
}
