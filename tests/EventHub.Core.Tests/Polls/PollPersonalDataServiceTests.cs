using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Polls;

/// <summary>Deleting voters' personal data when it is due, keeping the counts.</summary>
public sealed class PollPersonalDataServiceTests
{
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
            Outbox.Enqueue(setup, "unrelated", "ann@example.com", "Ann", new { Note = "kept" }, PollTestKit.FirstEveningUtc);
            await setup.SaveChangesAsync();
        }

        kit.Clock.SetUtcNow(new DateTimeOffset(PollTestKit.FirstEveningUtc.AddDays(30).AddMinutes(-1)));
        (await kit.PersonalData.DeleteExpiredPersonalDataAsync()).ShouldBe(0);
        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results.Voters.Count.ShouldBe(2);

        kit.Clock.SetUtcNow(new DateTimeOffset(PollTestKit.FirstEveningUtc.AddDays(30)));
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

        kit.Clock.SetUtcNow(new DateTimeOffset(PollTestKit.FirstEveningUtc.AddDays(2).AddHours(2).AddDays(30)));
        (await kit.PersonalData.DeleteExpiredPersonalDataAsync()).ShouldBe(1);

        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.Results.Options[0].Yes.ShouldBe(1);
        (await kit.Voting.GetByTokenAsync(poll.PublicToken))!.VotingRefusalCode.ShouldBe(PollErrors.PersonalDataDeleted.Code);
        (await kit.Voting.GetByTokenAsync(other.PublicToken))!.Results.Voters.Single().Name.ShouldBe("Bob");
    }
}
