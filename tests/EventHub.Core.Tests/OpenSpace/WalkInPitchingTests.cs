using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class WalkInPitchingTests
{
    [Fact]
    public async Task Walk_ins_cannot_pitch_until_the_organiser_lets_them()
    {
        await using var f = await BoardFixture.CreateAsync();

        (await f.WalkIns.GetFormAsync(f.Slug))!.IsOpen.ShouldBeFalse();
        var outcome = await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Wendy Walker", "Libraries as labs"));

        outcome.ErrorCode.ShouldBe(OpenSpaceErrors.WalkInsClosed.Code);
        outcome.Status.ShouldBe(OutcomeStatus.Forbidden);
        (await Queue(f)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_walk_in_pitch_joins_the_end_of_the_queue_when_walk_ins_may_pitch()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.ProposeAsync("From a ticket holder");
        (await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, false))).Succeeded.ShouldBeTrue();

        var outcome = await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput(" Wendy Walker ", " Libraries as labs "));

        outcome.Value.ShouldBe(new WalkInPitched(outcome.Value!.ProposalId, "Libraries as labs", AwaitingModeration: false));
        (await Queue(f)).ShouldBe(["From a ticket holder", "Libraries as labs"]);
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.Queue[^1].ConvenerName.ShouldBe("Wendy Walker");
    }

    [Fact]
    public async Task A_walk_in_must_give_a_name_and_a_title_and_any_email_must_be_an_email()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, false));

        var outcome = await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput(" ", "", "not-an-email"));

        outcome.ErrorFor(nameof(WalkInPitchInput.ConvenerName)).ShouldBe("Enter your name");
        outcome.ErrorFor(nameof(WalkInPitchInput.Title)).ShouldBe("Enter a title for your session");
        outcome.ErrorFor(nameof(WalkInPitchInput.Email)).ShouldBe(OpenSpaceErrors.InterestEmail.Message);
    }

    [Fact]
    public async Task A_moderated_pitch_waits_for_an_organiser_and_joins_the_queue_only_when_let_in()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, true));
        var kept = (await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Wendy Walker", "Libraries as labs"))).Value!;
        var spam = (await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Spammer", "Buy my product"))).Value!;
        await f.ProposeAsync("Pitched meanwhile");

        kept.AwaitingModeration.ShouldBeTrue();
        (await Queue(f)).ShouldBe(["Pitched meanwhile"]);
        (await f.Moderation.WaitingAsync(Actors.Organiser, f.EventId)).Value!.Select(p => p.Title).ShouldBe(["Libraries as labs", "Buy my product"]);

        (await f.Moderation.ApproveAsync(Actors.Organiser, kept.ProposalId)).Succeeded.ShouldBeTrue();
        (await f.Moderation.RejectAsync(Actors.Organiser, spam.ProposalId)).Succeeded.ShouldBeTrue();

        (await Queue(f)).ShouldBe(["Pitched meanwhile", "Libraries as labs"]);
        (await f.Moderation.WaitingAsync(Actors.Organiser, f.EventId)).Value!.ShouldBeEmpty();
        (await f.Moderation.ApproveAsync(Actors.Organiser, spam.ProposalId)).ErrorCode.ShouldBe(OpenSpaceErrors.NotAwaitingModeration.Code);
    }

    [Fact]
    public async Task Only_organisers_moderate_pitches_and_choose_who_may_pitch()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, true));
        var pitch = (await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Wendy Walker", "Libraries as labs"))).Value!;

        (await f.Moderation.ApproveAsync(Actor.Anonymous, pitch.ProposalId)).Status.ShouldBe(OutcomeStatus.Forbidden);
        (await f.Moderation.WaitingAsync(Actor.Anonymous, f.EventId)).Status.ShouldBe(OutcomeStatus.Forbidden);
        (await f.WalkIns.SetPolicyAsync(Actor.Anonymous, f.EventId, WalkInPolicy.TicketHoldersOnly)).Status.ShouldBe(OutcomeStatus.Forbidden);
        (await f.WalkIns.GetPolicyAsync(Actors.Organiser, f.EventId)).Value.ShouldBe(new WalkInPolicy(true, true));
    }

    [Fact]
    public async Task No_one_pitches_once_the_event_has_ended()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, false));
        f.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));

        var outcome = await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Wendy Walker", "Too late"));

        outcome.ErrorCode.ShouldBe(OpenSpaceErrors.PitchingEnded.Code);
    }

    [Fact]
    public async Task A_walk_in_who_gave_an_email_is_sent_the_notes_link_when_their_session_is_placed()
    {
        await using var f = await BoardFixture.CreateAsync();
        await f.WalkIns.SetPolicyAsync(Actors.Organiser, f.EventId, new WalkInPolicy(true, false));
        var withEmail = (await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Wendy Walker", "Libraries as labs", "wendy@example.com"))).Value!;
        var without = (await f.WalkIns.PitchAsync(f.Slug, new WalkInPitchInput("Nora Noemail", "No email please"))).Value!;

        var placed = await f.Placement.PlaceAsync(Actors.Organiser, withEmail.ProposalId, f.Hall, f.Morning);
        await f.Placement.PlaceAsync(Actors.Organiser, without.ProposalId, f.BigRoom, f.Morning);

        await using var db = f.Database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().SingleAsync();
        message.Template.ShouldBe(OpenSpaceEmailTemplates.NotesLink);
        message.ToEmail.ShouldBe("wendy@example.com");
        var token = System.Text.Json.JsonDocument.Parse(message.PayloadJson).RootElement.GetProperty("NotesToken").GetString()!;
        var link = await db.Set<NotesLink>().SingleAsync(l => l.SessionId == placed.Value!.SessionId);
        link.TokenHash.ShouldBe(EventHub.Core.Common.SecureTokens.Hash(token), "the mail carries the link; the database keeps its hash");
        (await new NotesService(f.Database, f.Clock).GetAsync(EditorKey.ForToken(token))).ShouldNotBeNull();
        message.PayloadJson.ShouldContain("\"Room\":\"Hall\"");
    }

    private static async Task<IReadOnlyList<string>> Queue(BoardFixture f) =>
        (await f.Layout.GetBoardAsync(Actor.Anonymous, f.Slug))!.Queue.Select(p => p.Title).ToList();
}
