using System.Text.Json;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Polls;

/// <summary>Voting through the share link and changing answers through the private link.</summary>
public sealed class PollVotingServiceTests
{
    [Fact]
    public async Task A_vote_is_stored_and_counted_in_the_results_without_emails()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, IfNeedBe);
        await kit.VoteAsync(poll, "Bob", "", Yes, Yes, No);

        var results = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results;
        results.Voters.Select(v => v.Name).ShouldBe(["Ann", "Bob"]);
        results.Options.Select(o => (o.Yes, o.IfNeedBe, o.No)).ShouldBe([(2, 0, 0), (1, 0, 1), (0, 1, 1)]);
        results.Voters[0].Answers[results.Options[2].OptionId].ShouldBe(IfNeedBe);
        results.MostPopularOptionId.ShouldBe(results.Options[0].OptionId);
    }

    [Fact]
    public async Task The_most_popular_option_is_marked_using_if_need_be_to_break_a_tie()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        await kit.VoteAsync(poll, "Ann", "", Yes, Yes, No);
        await kit.VoteAsync(poll, "Bob", "", No, IfNeedBe, Yes);

        var results = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results;
        results.Options.Where(o => o.IsMostPopular).Single().OptionId.ShouldBe(results.Options[1].OptionId);
        results.TieBreak.ShouldBe(PollTieBreak.MoreIfNeedBe);
    }

    [Fact]
    public async Task No_option_is_marked_most_popular_before_anyone_votes()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results.MostPopularOptionId.ShouldBeNull();
    }

    [Fact]
    public async Task A_vote_with_an_email_queues_a_message_with_the_private_link()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        var receipt = await kit.VoteAsync(poll, "Ann", " Ann@Example.com ", Yes, No, No);
        await kit.VoteAsync(poll, "Bob", "", Yes, No, No);

        receipt.EmailQueued.ShouldBeTrue();
        await using var db = kit.Database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().SingleAsync();
        message.Template.ShouldBe(PollTemplates.VoteRecorded);
        message.ToEmail.ShouldBe("ann@example.com");
        var payload = JsonSerializer.Deserialize<PollVoteRecordedPayload>(message.PayloadJson)!;
        payload.ChangeAnswersPath.ShouldBe($"/polls/answers/{receipt.EditToken}");
        payload.PollTitle.ShouldBe("Exeter Tech Meet-up");
        message.PayloadJson.ShouldStartWith($"{{\"PollId\":{poll.Id},", customMessage: "retention finds a poll's receipts by this prefix");
    }

    [Fact]
    public async Task Only_the_hash_of_a_voters_private_link_is_stored_and_the_link_still_opens_their_answers()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        var receipt = await kit.VoteAsync(poll, "Ann", "", Yes, No, No);

        await using var db = kit.Database.CreateDbContext();
        var voter = await db.Set<PollVoter>().AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
        voter.EditTokenHash.ShouldBe(EventHub.Core.Common.SecureTokens.Hash(receipt.EditToken));
        (await kit.Voting.GetBallotAsync(receipt.EditToken))!.VoterId.ShouldBe(voter.Id);
        (await kit.Voting.GetBallotAsync(voter.EditTokenHash)).ShouldBeNull("the stored hash is not itself a working link");
        (await kit.Voting.ChangeVoteAsync(voter.EditTokenHash, PollTestKit.Ballot(poll, "Ann", "", No, No, No))).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task A_vote_missing_an_answer_is_refused_and_nothing_is_stored()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        var outcome = await kit.Voting.VoteAsync(poll.PublicToken, PollTestKit.Ballot(poll, "Ann", "", Yes, No));

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.Single().Message.ShouldBe("Select Yes, If need be or No for Thursday 3 December 2026, 7pm to 9pm GMT");
        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results.Voters.ShouldBeEmpty();
    }

    [Fact]
    public async Task Changing_a_vote_through_the_private_link_replaces_the_answers_and_name()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        var receipt = await kit.VoteAsync(poll, "Ann", "", Yes, No, No);

        var outcome = await kit.Voting.ChangeVoteAsync(receipt.EditToken, PollTestKit.Ballot(poll, "Ann Smith", "", No, IfNeedBe, Yes));

        outcome.Succeeded.ShouldBeTrue();
        var ballot = (await kit.Voting.GetBallotAsync(receipt.EditToken))!;
        ballot.Name.ShouldBe("Ann Smith");
        ballot.Answers.OrderBy(a => a.Key).Select(a => a.Value).ShouldBe([No, IfNeedBe, Yes]);
        var results = ballot.Poll.Results;
        results.Voters.Count.ShouldBe(1);
        results.Options.Select(o => o.Yes).ShouldBe([0, 0, 1]);
    }

    [Fact]
    public async Task Adding_an_email_when_changing_a_vote_sends_the_private_link_to_it()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        var receipt = await kit.VoteAsync(poll, "Ann", "", Yes, No, No);

        await kit.Voting.ChangeVoteAsync(receipt.EditToken, PollTestKit.Ballot(poll, "Ann", "ann@example.com", Yes, No, No));

        await using var db = kit.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().SingleAsync()).ToEmail.ShouldBe("ann@example.com");
    }

    [Fact]
    public async Task An_unknown_private_link_is_refused()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        var outcome = await kit.Voting.ChangeVoteAsync(SecureTokens.New(), PollTestKit.Ballot(poll, "Mallory", "", Yes, Yes, Yes));

        outcome.ErrorCode.ShouldBe(ErrorCodes.NotFound);
        (await kit.Voting.GetBallotAsync(SecureTokens.New())).ShouldBeNull();
    }

    [Fact]
    public async Task Voting_after_the_closing_time_is_refused_with_a_message_saying_so()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync(PollTestKit.ThreeEvenings(closesLocal: new DateTime(2026, 11, 20, 17, 0, 0)));
        var receipt = await kit.VoteAsync(poll, "Ann", "", Yes, No, No);

        kit.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero));
        var late = await kit.Voting.VoteAsync(poll.PublicToken, PollTestKit.Ballot(poll, "Bob", "", Yes, Yes, Yes));
        var lateChange = await kit.Voting.ChangeVoteAsync(receipt.EditToken, PollTestKit.Ballot(poll, "Ann", "", No, No, No));

        late.ErrorCode.ShouldBe(PollErrors.ClosedCode);
        late.Errors.Single().Message.ShouldBe("This poll closed on Friday 20 November 2026, 5pm GMT. Answers can no longer be added or changed.");
        lateChange.ErrorCode.ShouldBe(PollErrors.ClosedCode);
        var view = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!;
        view.IsAcceptingVotes.ShouldBeFalse();
        view.Results.Voters.Single().Answers.Values.ShouldBe([Yes, No, No], ignoreOrder: true);
    }

    [Fact]
    public async Task Voting_or_changing_a_vote_on_a_finalised_poll_is_refused()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        var receipt = await kit.VoteAsync(poll, "Ann", "", Yes, No, No);
        (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Succeeded.ShouldBeTrue();

        var vote = await kit.Voting.VoteAsync(poll.PublicToken, PollTestKit.Ballot(poll, "Bob", "", Yes, Yes, Yes));
        var change = await kit.Voting.ChangeVoteAsync(receipt.EditToken, PollTestKit.Ballot(poll, "Ann", "", No, No, No));

        vote.ErrorCode.ShouldBe(PollErrors.Finalised.Code);
        vote.Errors.Single().Message.ShouldBe(PollErrors.Finalised.Message);
        change.ErrorCode.ShouldBe(PollErrors.Finalised.Code);
    }

    [Fact]
    public async Task Duplicate_names_are_accepted_and_flagged_in_the_results()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        await kit.VoteAsync(poll, "Sam", "", Yes, No, No);
        await kit.VoteAsync(poll, " sam ", "", No, Yes, No);
        await kit.VoteAsync(poll, "Kim", "", No, No, Yes);

        var voters = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results.Voters;
        voters.Count.ShouldBe(3);
        voters.Select(v => v.HasDuplicateName).ShouldBe([true, true, false]);
    }
}
