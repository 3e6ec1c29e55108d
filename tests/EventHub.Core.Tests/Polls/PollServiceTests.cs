using System.Text.Json;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Polls;

public sealed class PollServiceTests
{
    private static readonly DateTime FirstEveningUtc = new(2026, 12, 1, 19, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Creating_a_poll_needs_an_organiser()
    {
        await using var kit = await PollTestKit.CreateAsync();

        var outcome = await kit.Setup.CreateAsync(Actor.Anonymous, PollTestKit.ThreeEvenings());

        outcome.ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        await using var db = kit.Database.CreateDbContext();
        (await db.Set<Poll>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_created_poll_is_open_with_a_share_token_its_dates_in_utc_and_its_organiser()
    {
        await using var kit = await PollTestKit.CreateAsync();

        var poll = await kit.CreatePollAsync();

        var view = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!;
        view.Status.ShouldBe(PollStatus.Open);
        view.TimeZoneId.ShouldBe("Europe/London");
        view.IsAcceptingVotes.ShouldBeTrue();
        view.Results.Options.Select(o => o.StartUtc).ShouldBe([FirstEveningUtc, FirstEveningUtc.AddDays(1), FirstEveningUtc.AddDays(2)]);
        view.Results.Options[0].Label.ShouldBe("Tuesday 1 December 2026, 7pm to 9pm GMT");
        poll.PublicToken.Length.ShouldBeGreaterThanOrEqualTo(27);
        poll.CreatedByUserId.ShouldBe(Actors.Organiser.UserId);
        (await kit.Setup.ListAsync(Actors.Organiser)).Single().Title.ShouldBe("Exeter Tech Meet-up");
    }

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

    [Fact]
    public async Task Finalising_creates_a_draft_event_with_the_poll_details_chosen_times_and_series()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var series = await new SeriesService(kit.Database, kit.Clock).CreateAsync(Actors.Organiser, new SeriesInput { Name = "Exeter Tech" });
        series.Succeeded.ShouldBeTrue();
        var poll = await kit.CreatePollAsync(PollTestKit.ThreeEvenings(seriesId: series.Value!.Id));
        await kit.VoteAsync(poll, "Ann", "", No, Yes, IfNeedBe);
        await kit.VoteAsync(poll, "Bob", "", No, Yes, No);
        var detail = (await kit.Setup.GetAsync(Actors.Organiser, poll.Id))!;
        var chosen = detail.View.Results.MostPopularOptionId!.Value;

        var outcome = await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, chosen));

        outcome.Succeeded.ShouldBeTrue();
        var ev = (await kit.Events.GetAsync(Actors.Organiser, outcome.Value!.EventId))!.Event;
        ev.Status.ShouldBe(EventStatus.Draft);
        ev.Title.ShouldBe("Exeter Tech Meet-up");
        ev.Summary.ShouldBe("Pizza and **lightning talks**.");
        ev.VenueName.ShouldBe("The Phoenix, Exeter");
        ev.StartUtc.ShouldBe(FirstEveningUtc.AddDays(1));
        ev.EndUtc.ShouldBe(FirstEveningUtc.AddDays(1).AddHours(2));
        ev.TimeZoneId.ShouldBe("Europe/London");
        ev.SeriesId.ShouldBe(series.Value.Id);
        ev.Capacity.ShouldBe(2);
        var after = (await kit.Setup.GetAsync(Actors.Organiser, poll.Id))!;
        after.View.Status.ShouldBe(PollStatus.Finalised);
        after.View.ChosenOptionId.ShouldBe(chosen);
        after.EventId.ShouldBe(ev.Id);
    }

    [Fact]
    public async Task Finalising_needs_an_organiser_and_happens_only_once()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        (await kit.Finalising.FinaliseAsync(Actor.Anonymous, new FinaliseRequest(poll.Id, poll.Options[0].Id))).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
        (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Succeeded.ShouldBeTrue();
        var again = await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[1].Id));

        again.ErrorCode.ShouldBe(ErrorCodes.Conflict);
        await using var db = kit.Database.CreateDbContext();
        (await db.Events.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Organisers_finalising_at_the_same_moment_leave_one_event_linked_to_the_poll()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[i % poll.Options.Count].Id)))));

        attempts.Count(a => a.Succeeded).ShouldBe(1);
        attempts.Where(a => !a.Succeeded).ShouldAllBe(a => a.ErrorCode == ErrorCodes.Conflict);
        var winner = attempts.Single(a => a.Succeeded).Value!;
        await using var db = kit.Database.CreateDbContext();
        (await db.Events.Select(e => e.Id).ToListAsync()).ShouldBe([winner.EventId]);
        var stored = await db.Set<Poll>().AsNoTracking().SingleAsync(p => p.Id == poll.Id);
        stored.EventId.ShouldBe(winner.EventId);
        stored.ChosenOptionId.ShouldBe(winner.OptionId);
        stored.Status.ShouldBe(PollStatus.Finalised);
    }

    [Fact]
    public async Task Finalising_with_a_date_from_another_poll_is_refused_and_leaves_the_poll_open()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        var other = await kit.CreatePollAsync();

        var outcome = await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, other.Options[0].Id));

        outcome.ErrorFor(nameof(FinaliseRequest.OptionId)).ShouldBe(PollErrors.OptionNotFound.Message);
        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Status.ShouldBe(PollStatus.Open);
    }

    [Fact]
    public async Task A_refused_draft_event_puts_the_poll_back_to_open()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();

        var outcome = await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id, Capacity: -1));

        outcome.Succeeded.ShouldBeFalse();
        outcome.ErrorFor(nameof(FinaliseRequest.Capacity)).ShouldNotBeNull();
        var view = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!;
        view.Status.ShouldBe(PollStatus.Open);
        view.ChosenOptionId.ShouldBeNull();
    }

    [Fact]
    public async Task Publishing_the_event_emails_voters_the_date_and_invite_and_gives_yes_and_if_need_be_voters_a_priority_link()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        await kit.VoteAsync(poll, "Bob", "bob@example.com", IfNeedBe, Yes, No);
        await kit.VoteAsync(poll, "Cat", "cat@example.com", No, Yes, Yes);
        await kit.VoteAsync(poll, "Dan", "", Yes, No, No);
        var eventId = (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Value!.EventId;
        (await kit.Events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Published)).Succeeded.ShouldBeTrue();
        await using (var clear = kit.Database.CreateDbContext())
        {
            await clear.Set<OutboxMessage>().ExecuteDeleteAsync();
        }

        var queued = await kit.Finalising.OnEventPublishedAsync(eventId);

        queued.ShouldBe(3);
        await using var db = kit.Database.CreateDbContext();
        var messages = await db.Set<OutboxMessage>().OrderBy(m => m.ToEmail).ToListAsync();
        messages.Select(m => m.ToEmail).ShouldBe(["ann@example.com", "bob@example.com", "cat@example.com"]);
        messages.ShouldAllBe(m => m.Template == PollTemplates.EventPublished && m.EventId == eventId);
        var payloads = messages.Select(m => JsonSerializer.Deserialize<PollEventPublishedPayload>(m.PayloadJson)!).ToList();
        payloads[0].WhenText.ShouldBe("Tuesday 1 December 2026, 7pm to 9pm GMT");
        payloads[0].Ics.ShouldBeNull(); // built from the event when rendered, so it matches the booking invite
        payloads[0].PriorityBookingPath.ShouldNotBeNull();
        payloads[1].PriorityBookingPath.ShouldNotBeNull();
        payloads[2].PriorityBookingPath.ShouldBeNull();
        var tokens = await db.Set<PollPriorityToken>().ToListAsync();
        tokens.Count.ShouldBe(3); // Ann, Bob, and Dan who gave no email
        foreach (var token in tokens)
        {
            (await kit.Priority.IsValidAsync(eventId, token.Token)).ShouldBeTrue();
        }

        var annId = (await db.Set<PollVoter>().SingleAsync(v => v.Name == "Ann")).Id;
        payloads[0].PriorityBookingPath.ShouldBe($"/events/{(await db.Events.SingleAsync()).Slug}/book?priority={tokens.Single(t => t.VoterId == annId).Token}");
    }

    [Fact]
    public async Task The_published_event_messages_are_queued_only_once()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var eventId = (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Value!.EventId;
        await kit.Events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Published);

        (await kit.Finalising.OnEventPublishedAsync(eventId)).ShouldBe(1);
        (await kit.Finalising.OnEventPublishedAsync(eventId)).ShouldBe(0);

        await using var db = kit.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync(m => m.Template == PollTemplates.EventPublished)).ShouldBe(1);
        (await db.Set<PollPriorityToken>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Nothing_is_sent_while_the_event_is_still_a_draft()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var eventId = (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Value!.EventId;

        (await kit.Finalising.OnEventPublishedAsync(eventId)).ShouldBe(0);

        await using var db = kit.Database.CreateDbContext();
        (await db.Set<PollPriorityToken>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_priority_token_works_only_for_its_own_event_and_only_until_the_event_starts()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        var ann = await kit.VoteAsync(poll, "Ann", "", Yes, No, No);
        var bob = await kit.VoteAsync(poll, "Bob", "", No, Yes, No);
        var eventId = (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Value!.EventId;
        await kit.Events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Published);
        await kit.Finalising.OnEventPublishedAsync(eventId);
        await using var db = kit.Database.CreateDbContext();
        var token = (await db.Set<PollPriorityToken>().SingleAsync()).Token;
        (await kit.Voting.GetBallotAsync(bob.EditToken))!.PriorityBookingPath.ShouldBeNull();

        (await kit.Priority.FindAsync(eventId, token))!.Name.ShouldBe("Ann");
        (await kit.Voting.GetBallotAsync(ann.EditToken))!.PriorityBookingPath.ShouldNotBeNull().ShouldEndWith("?priority=" + token);
        (await kit.Priority.IsValidAsync(eventId + 1, token)).ShouldBeFalse();
        (await kit.Priority.IsValidAsync(eventId, SecureTokens.New())).ShouldBeFalse();
        (await kit.Priority.IsValidAsync(eventId, null)).ShouldBeFalse();
        kit.Clock.SetUtcNow(new DateTimeOffset(FirstEveningUtc));
        (await kit.Priority.IsValidAsync(eventId, token)).ShouldBeFalse();
    }

    [Fact]
    public async Task Personal_data_is_deleted_thirty_days_after_the_chosen_date_keeping_the_counts()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, IfNeedBe);
        var bob = await kit.VoteAsync(poll, "Bob", "bob@example.com", Yes, Yes, No);
        var eventId = (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Value!.EventId;
        await kit.Events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Published);
        await kit.Finalising.OnEventPublishedAsync(eventId);
        await using (var setup = kit.Database.CreateDbContext())
        {
            (await setup.Set<OutboxMessage>().CountAsync(m => m.Template == PollTemplates.VoteRecorded)).ShouldBe(2);
            (await setup.Set<OutboxMessage>().CountAsync(m => m.Template == PollTemplates.EventPublished)).ShouldBe(2);
            Outbox.Enqueue(setup, "unrelated", "ann@example.com", "Ann", new { Note = "kept" }, FirstEveningUtc);
            await setup.SaveChangesAsync();
        }

        kit.Clock.SetUtcNow(new DateTimeOffset(FirstEveningUtc.AddDays(30).AddMinutes(-1)));
        (await kit.PersonalData.DeleteExpiredPersonalDataAsync()).ShouldBe(0);
        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results.Voters.Count.ShouldBe(2);

        kit.Clock.SetUtcNow(new DateTimeOffset(FirstEveningUtc.AddDays(30)));
        (await kit.PersonalData.DeleteExpiredPersonalDataAsync()).ShouldBe(1);

        await using var db = kit.Database.CreateDbContext();
        (await db.Set<PollVoter>().CountAsync()).ShouldBe(0);
        (await db.Set<PollVote>().CountAsync()).ShouldBe(0);
        (await db.Set<PollPriorityToken>().CountAsync()).ShouldBe(0);
        // The messages that named and addressed voters go too; other mail stays.
        (await db.Set<OutboxMessage>().CountAsync(m => m.Template == PollTemplates.VoteRecorded || m.Template == PollTemplates.EventPublished)).ShouldBe(0);
        (await db.Set<OutboxMessage>().CountAsync(m => m.Template == "unrelated")).ShouldBe(1);
        var results = (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results;
        results.PersonalDataDeleted.ShouldBeTrue();
        results.Voters.ShouldBeEmpty();
        results.Options.Select(o => (o.Yes, o.IfNeedBe, o.No)).ShouldBe([(2, 0, 0), (1, 0, 1), (0, 1, 1)]);
        results.MostPopularOptionId.ShouldBe(results.Options[0].OptionId);
        (await kit.Voting.GetBallotAsync(bob.EditToken)).ShouldBeNull();
        (await kit.PersonalData.DeleteExpiredPersonalDataAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_poll_never_finalised_loses_its_personal_data_thirty_days_after_its_last_date()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        var other = await kit.CreatePollAsync(new PollInput
        {
            Title = "Later",
            Place = "Pub",
            Options = [new PollOptionInput { StartLocal = new DateTime(2027, 6, 1, 19, 0, 0), EndLocal = new DateTime(2027, 6, 1, 21, 0, 0) }],
        });
        await kit.VoteAsync(poll, "Ann", "", Yes, No, No);
        await kit.VoteAsync(other, "Bob", "", Yes);

        kit.Clock.SetUtcNow(new DateTimeOffset(FirstEveningUtc.AddDays(2).AddHours(2).AddDays(30)));
        (await kit.PersonalData.DeleteExpiredPersonalDataAsync()).ShouldBe(1);

        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results.Options[0].Yes.ShouldBe(1);
        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.VotingRefusalCode.ShouldBe(PollErrors.PersonalDataDeleted.Code);
        (await kit.Voting.GetByTokenAsync(other.PublicToken))!.Results.Voters.Single().Name.ShouldBe("Bob");
    }

    [Fact]
    public async Task The_background_sweep_notices_an_event_published_elsewhere_and_queues_the_messages_once()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var eventId = (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Value!.EventId;
        (await kit.Finalising.NotifyPublishedEventsAsync()).ShouldBe(0);

        await kit.Events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Published);

        (await kit.Finalising.NotifyPublishedEventsAsync()).ShouldBe(1);
        (await kit.Finalising.NotifyPublishedEventsAsync()).ShouldBe(0);
    }
}
