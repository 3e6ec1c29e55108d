using System.Text.Json;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Polls;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Polls;

/// <summary>A poll that takes one vote per email address, each confirmed by a link mailed to that address.</summary>
public sealed class PollVoteConfirmationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vote_waits_uncounted_and_unshown_until_its_mailed_link_is_confirmed()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await ConfirmingPollAsync(kit);

        var receipt = await kit.VoteAsync(poll, "Ann", " Ann@Example.com ", Yes, No, IfNeedBe);

        receipt.AwaitingConfirmation.ShouldBeTrue();
        receipt.EditToken.ShouldBeEmpty("no link to change answers is handed out before the address is confirmed");
        var view = (await kit.Voting.GetByTokenAsync(poll.PublicToken, Ct))!;
        view.Results.Voters.ShouldBeEmpty();
        view.Results.Options.Sum(o => o.Yes + o.IfNeedBe + o.No).ShouldBe(0);
        view.PendingVotes.ShouldBe(1);
        (await kit.Setup.ListAsync(PollTestKit.Organiser, Ct)).Single().VoterCount.ShouldBe(0);

        var token = await ConfirmTokenAsync(kit, "ann@example.com");
        (await kit.Voting.GetPendingAsync(token, Ct))!.Name.ShouldBe("Ann");
        var confirmed = await kit.Voting.ConfirmVoteAsync(token, Ct);

        confirmed.Succeeded.ShouldBeTrue();
        var results = (await kit.Voting.GetByTokenAsync(poll.PublicToken, Ct))!.Results;
        results.Voters.Single().Name.ShouldBe("Ann");
        results.Options.Select(o => (o.Yes, o.IfNeedBe, o.No)).ShouldBe([(1, 0, 0), (0, 0, 1), (0, 1, 0)]);
        (await kit.Voting.GetBallotAsync(confirmed.Value!.EditToken, Ct))!.Email.ShouldBe("ann@example.com");
        await using var db = kit.Database.CreateDbContext();
        var receiptMail = await db.Set<OutboxMessage>().SingleAsync(m => m.Template == PollTemplates.VoteRecorded, Ct);
        JsonSerializer.Deserialize<PollVoteRecordedPayload>(receiptMail.PayloadJson)!.ChangeAnswersPath
            .ShouldBe(PollRoutes.ChangeAnswers(confirmed.Value.EditToken));
    }

    [Fact]
    public async Task A_confirm_link_works_once_and_only_its_hash_is_stored()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await ConfirmingPollAsync(kit);
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var token = await ConfirmTokenAsync(kit, "ann@example.com");

        await using (var db = kit.Database.CreateDbContext())
        {
            var link = await db.Set<PollLink>().SingleAsync(Ct);
            link.TokenHash.ShouldBe(SecureTokens.Hash(token));
            token.Length.ShouldBeGreaterThanOrEqualTo(22, "at least 128 random bits");
            (await kit.Voting.ConfirmVoteAsync(link.TokenHash, Ct)).IsNotFound.ShouldBeTrue("the stored hash is not itself a working link");
        }

        (await kit.Voting.ConfirmVoteAsync(token, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Voting.ConfirmVoteAsync(token, Ct)).IsNotFound.ShouldBeTrue();
        (await kit.Voting.GetPendingAsync(token, Ct)).ShouldBeNull();
        (await kit.Voting.GetPendingAsync("made-up-token", Ct)).ShouldBeNull();
        await using var after = kit.Database.CreateDbContext();
        (await after.Set<PollLink>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_vote_from_the_same_address_replaces_the_first_only_once_its_own_link_is_confirmed()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await ConfirmingPollAsync(kit);
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, Yes, Yes);
        (await kit.Voting.ConfirmVoteAsync(await ConfirmTokenAsync(kit, "ann@example.com"), Ct)).Succeeded.ShouldBeTrue();

        await kit.VoteAsync(poll, "Ann again", "ANN@example.com", No, No, No);
        var stillFirst = (await kit.Voting.GetByTokenAsync(poll.PublicToken, Ct))!.Results;
        stillFirst.Voters.Single().Name.ShouldBe("Ann");
        stillFirst.Options.Select(o => o.Yes).ShouldBe([1, 1, 1]);

        (await kit.Voting.ConfirmVoteAsync(await ConfirmTokenAsync(kit, "ann@example.com"), Ct)).Succeeded.ShouldBeTrue();
        var replaced = (await kit.Voting.GetByTokenAsync(poll.PublicToken, Ct))!.Results;
        replaced.Voters.Single().Name.ShouldBe("Ann again");
        replaced.Options.Select(o => (o.Yes, o.No)).ShouldBe([(0, 1), (0, 1), (0, 1)]);
    }

    [Fact]
    public async Task A_confirming_poll_needs_an_email_address_and_a_confirmed_vote_keeps_its_address()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await ConfirmingPollAsync(kit);

        var refused = await kit.Voting.VoteAsync(poll.PublicToken, PollTestKit.Ballot(poll, "Ann", "", Yes, No, No), Ct);
        refused.Errors.Single().ShouldBe(new FieldError(nameof(VoteInput.Email), PollErrors.EmailNeeded.Message));

        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var editToken = (await kit.Voting.ConfirmVoteAsync(await ConfirmTokenAsync(kit, "ann@example.com"), Ct)).Value!.EditToken;
        var moved = await kit.Voting.ChangeVoteAsync(editToken, PollTestKit.Ballot(poll, "Ann", "other@example.com", No, No, No), Ct);

        moved.Errors.Single().Field.ShouldBe(nameof(VoteInput.Email));
        moved.Errors.Single().Message.ShouldBe(PollErrors.EmailFixed.Message);
        (await kit.Voting.ChangeVoteAsync(editToken, PollTestKit.Ballot(poll, "Ann", "ann@example.com", No, No, No), Ct)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Confirm_mails_count_towards_an_addresss_unrequested_mail_and_the_voter_is_answered_the_same()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await ConfirmingPollAsync(kit);
        var voting = new PollVotingService(kit.Database, kit.Clock, new UnrequestedMail(Options.Create(new EmailOptions { UnrequestedPerDay = 2 })));

        for (var i = 0; i < 3; i++)
        {
            var outcome = await voting.VoteAsync(poll.PublicToken, PollTestKit.Ballot(poll, $"Voter {i}", "target@example.com", Yes, No, No), Ct);
            outcome.Value!.AwaitingConfirmation.ShouldBeTrue();
        }

        await using var db = kit.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync(m => m.Template == PollTemplates.ConfirmVote, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_vote_not_confirmed_in_time_cannot_be_confirmed_and_the_sweep_deletes_it_with_its_mail()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await ConfirmingPollAsync(kit);
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var token = await ConfirmTokenAsync(kit, "ann@example.com");
        var lifetime = new PollSettings().ConfirmLinkLifetime;

        kit.Clock.Advance(lifetime - TimeSpan.FromMinutes(1));
        (await kit.PersonalData.DeleteUnconfirmedVotesAsync(Ct)).ShouldBe(0);
        (await kit.Voting.GetPendingAsync(token, Ct)).ShouldNotBeNull();

        kit.Clock.Advance(TimeSpan.FromMinutes(1));
        (await kit.Voting.ConfirmVoteAsync(token, Ct)).IsNotFound.ShouldBeTrue();
        (await kit.PersonalData.DeleteUnconfirmedVotesAsync(Ct)).ShouldBe(1);

        await using var db = kit.Database.CreateDbContext();
        (await db.Set<PollVoter>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<PollVote>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<PollLink>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<OutboxMessage>().CountAsync(m => m.Template == PollTemplates.ConfirmVote, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Finalising_counts_and_notifies_only_confirmed_votes()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await ConfirmingPollAsync(kit);
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        (await kit.Voting.ConfirmVoteAsync(await ConfirmTokenAsync(kit, "ann@example.com"), Ct)).Succeeded.ShouldBeTrue();
        await kit.VoteAsync(poll, "Bot", "bot@example.com", Yes, No, No);

        var eventId = (await kit.Finalising.FinaliseAsync(PollTestKit.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id), Ct)).Value!.EventId;
        (await kit.Events.GetAsync(PollTestKit.Organiser, eventId, Ct))!.Event.Capacity.ShouldBe(1);
        await kit.Events.SetStatusAsync(PollTestKit.Organiser, eventId, EventHub.Core.Events.EventStatus.Published, Ct);

        (await kit.Finalising.OnEventPublishedAsync(eventId, Ct)).ShouldBe(1);
        await using var db = kit.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().Where(m => m.Template == PollTemplates.EventPublished).Select(m => m.ToEmail).ToListAsync(Ct)).ShouldBe(["ann@example.com"]);
    }

    [Fact]
    public async Task The_organiser_switches_confirmation_on_and_a_voter_cannot()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        (await kit.Setup.SetConfirmVotesByEmailAsync(Actor.Anonymous, poll.Id, true, Ct)).Succeeded.ShouldBeFalse();
        (await kit.Voting.GetByTokenAsync(poll.PublicToken, Ct))!.ConfirmVotesByEmail.ShouldBeFalse();

        (await kit.Setup.SetConfirmVotesByEmailAsync(PollTestKit.Organiser, poll.Id, true, Ct)).Succeeded.ShouldBeTrue();
        (await kit.Voting.GetByTokenAsync(poll.PublicToken, Ct))!.ConfirmVotesByEmail.ShouldBeTrue();
    }

    [Fact]
    public async Task A_pending_vote_is_found_by_subject_access_and_deleted_by_erasure()
    {
        await using var kit = await PrivacyKit.CreateAsync();
        var setup = kit.Get<PollSetupService>();
        var voting = kit.Get<PollVotingService>();
        var poll = (await setup.CreateAsync(Actors.Admin, PollTestKit.ThreeEvenings(), Ct)).Value!;
        (await setup.SetConfirmVotesByEmailAsync(Actors.Admin, poll.Id, true, Ct)).Succeeded.ShouldBeTrue();
        const string email = "zq-pending-voter-4e2@devon.gov.uk";
        (await voting.VoteAsync(poll.PublicToken, PollTestKit.Ballot(poll, "Zara Pendleton", email, Yes, No, No), Ct)).Succeeded.ShouldBeTrue();
        var subjectAccess = kit.Get<SubjectAccessService>();

        var found = (await subjectAccess.FindAsync(Actors.Admin, email, Ct)).Value!;
        var record = found.Records.Single(r => r.Kind == "Poll answers");
        record.Details.ShouldContain(new KeyValuePair<string, string>("Name", "Zara Pendleton"));
        record.Details.ShouldContain(d => d.Key == "Confirmed" && d.Value.StartsWith("No", StringComparison.Ordinal));

        (await subjectAccess.EraseAsync(Actors.Admin, email, "asked by email", Ct)).Succeeded.ShouldBeTrue();
        await using var db = kit.Database.CreateDbContext();
        (await db.Set<PollVoter>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<PollLink>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<OutboxMessage>().CountAsync(m => m.ToEmail == email, Ct)).ShouldBe(0);
        (await subjectAccess.FindAsync(Actors.Admin, email, Ct)).Value!.Records.ShouldBeEmpty();
    }

    private static async Task<Poll> ConfirmingPollAsync(PollTestKit kit)
    {
        var poll = await kit.CreatePollAsync();
        (await kit.Setup.SetConfirmVotesByEmailAsync(PollTestKit.Organiser, poll.Id, true, Ct)).Succeeded.ShouldBeTrue();
        return poll;
    }

    /// <summary>The confirm token from the newest confirm mail to <paramref name="email"/> (as the voter reads it from the mail).</summary>
    private static async Task<string> ConfirmTokenAsync(PollTestKit kit, string email)
    {
        await using var db = kit.Database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().Where(m => m.Template == PollTemplates.ConfirmVote && m.ToEmail == email)
            .OrderByDescending(m => m.Id).FirstAsync(Ct);
        return JsonSerializer.Deserialize<PollConfirmVotePayload>(message.PayloadJson)!.ConfirmPath.Split('/')[^1];
    }
}
