using System.Text.Json;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Polls;

/// <summary>Finalising a poll into a draft event, and telling voters once that event is published.</summary>
public sealed class PollFinalisingServiceTests
{
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
        ev.StartUtc.ShouldBe(PollTestKit.FirstEveningUtc.AddDays(1));
        ev.EndUtc.ShouldBe(PollTestKit.FirstEveningUtc.AddDays(1).AddHours(2));
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
        (await db.Set<PollPriorityToken>().CountAsync()).ShouldBe(3); // Ann, Bob, and Dan who gave no email
        var slug = (await db.Events.SingleAsync()).Slug;
        foreach (var payload in payloads.Take(2))
        {
            payload.PriorityBookingPath.ShouldStartWith($"/events/{slug}/book?priority=");
            (await kit.Priority.IsValidAsync(eventId, PriorityToken(payload.PriorityBookingPath!))).ShouldBeTrue();
        }

        (await kit.Priority.FindAsync(eventId, PriorityToken(payloads[0].PriorityBookingPath!)))!.Name.ShouldBe("Ann");
    }

    [Fact]
    public async Task Only_the_hash_of_a_priority_token_is_stored_and_the_link_still_works()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var eventId = (await kit.Finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options[0].Id))).Value!.EventId;
        await kit.Events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Published);
        await kit.Finalising.OnEventPublishedAsync(eventId);

        string token;
        await using (var db = kit.Database.CreateDbContext())
        {
            var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Template == PollTemplates.EventPublished);
            token = PriorityToken(JsonSerializer.Deserialize<PollEventPublishedPayload>(message.PayloadJson)!.PriorityBookingPath!);
            (await db.Set<PollPriorityToken>().SingleAsync()).TokenHash.ShouldBe(SecureTokens.Hash(token));
            // The mail carries the token until it is delivered (then DeliveredLinks strips it): drop it here so the
            // scan below looks only at what the poll feature itself keeps.
            await db.Set<OutboxMessage>().ExecuteDeleteAsync();
            await kit.Database.Dialect.PurgeFreedSpaceAsync(db, TestContext.Current.CancellationToken);
        }

        token.Length.ShouldBeGreaterThanOrEqualTo(22, "at least 128 random bits");
        (await kit.Priority.FindAsync(eventId, token))!.Name.ShouldBe("Ann");
        (await kit.Priority.IsValidAsync(eventId, SecureTokens.Hash(token))).ShouldBeFalse("the stored hash is not a link");
        (await kit.Database.FilesHoldingAsync(token)).ShouldBeEmpty("the raw token is nowhere in the data folder");
    }

    private static string PriorityToken(string path) => path[(path.IndexOf("?priority=", StringComparison.Ordinal) + "?priority=".Length)..];

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
        (await db.Set<PollPriorityToken>().CountAsync()).ShouldBe(1);
        (await kit.Voting.GetBallotAsync(bob.EditToken))!.PriorityBookingPath.ShouldBeNull();

        // Ann gave no email: her change-your-answers page is how she books early, and links with its own token.
        var token = PriorityToken((await kit.Voting.GetBallotAsync(ann.EditToken))!.PriorityBookingPath.ShouldNotBeNull());
        token.ShouldBe(ann.EditToken);
        (await kit.Priority.FindAsync(eventId, token))!.Name.ShouldBe("Ann");
        (await kit.Priority.IsValidAsync(eventId, bob.EditToken)).ShouldBeFalse("Bob said no to the chosen date");
        (await kit.Priority.IsValidAsync(eventId + 1, token)).ShouldBeFalse();
        (await kit.Priority.IsValidAsync(eventId, SecureTokens.New())).ShouldBeFalse();
        (await kit.Priority.IsValidAsync(eventId, null)).ShouldBeFalse();
        kit.Clock.SetUtcNow(new DateTimeOffset(PollTestKit.FirstEveningUtc));
        (await kit.Priority.IsValidAsync(eventId, token)).ShouldBeFalse();
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
