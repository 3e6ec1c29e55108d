using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Core.Tests.Polls;

/// <summary>A real migrated SQLite file, a fake clock at 2 November 2026 09:00 GMT, and the poll services over them.</summary>
internal sealed class PollTestKit : IAsyncDisposable
{
    private PollTestKit(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Events = new EventService(database, clock);
        Setup = new PollSetupService(database, clock);
        Voting = new PollVotingService(database, clock);
        Finalising = new PollFinalisingService(database, clock, Events);
        PersonalData = new PollPersonalDataService(database, clock, Options.Create(new PollSettings()));
        Priority = new PollPriority(database, clock);
    }

    /// <summary>The start of the first of <see cref="ThreeEvenings"/>, in UTC.</summary>
    public static readonly DateTime FirstEveningUtc = new(2026, 12, 1, 19, 0, 0, DateTimeKind.Utc);

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public EventService Events { get; }

    public PollSetupService Setup { get; }

    public PollVotingService Voting { get; }

    public PollFinalisingService Finalising { get; }

    public PollPersonalDataService PersonalData { get; }

    public PollPriority Priority { get; }

    public static async Task<PollTestKit> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();

        // A stored organiser, so the events and series it creates are recorded as its own.
        await Teams.StoreAsync(database, Actors.Organiser);
        return new(database, Support.Clock.At());
    }

    /// <summary>Three evenings in December 2026 (GMT), 7pm to 9pm.</summary>
    public static PollInput ThreeEvenings(DateTime? closesLocal = null, int? seriesId = null) => new()
    {
        Title = "Exeter Tech Meet-up",
        Description = "Pizza and **lightning talks**.",
        Place = "The Phoenix, Exeter",
        ClosesLocal = closesLocal,
        SeriesId = seriesId,
        Options =
        [
            new PollOptionInput { StartLocal = new DateTime(2026, 12, 1, 19, 0, 0), EndLocal = new DateTime(2026, 12, 1, 21, 0, 0) },
            new PollOptionInput { StartLocal = new DateTime(2026, 12, 2, 19, 0, 0), EndLocal = new DateTime(2026, 12, 2, 21, 0, 0) },
            new PollOptionInput { StartLocal = new DateTime(2026, 12, 3, 19, 0, 0), EndLocal = new DateTime(2026, 12, 3, 21, 0, 0) },
        ],
    };

    public async Task<Poll> CreatePollAsync(PollInput? input = null)
    {
        var outcome = await Setup.CreateAsync(Actors.Organiser, input ?? ThreeEvenings());
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    /// <summary>Answers in option date order, e.g. Vote(poll, "Ann", Yes, No, IfNeedBe).</summary>
    public static VoteInput Ballot(Poll poll, string name, string email, params PollAnswer[] answers)
    {
        var ids = poll.Options.OrderBy(o => o.StartUtc).Select(o => o.Id).ToList();
        return new VoteInput { Name = name, Email = email, Answers = ids.Zip(answers).ToDictionary(p => p.First, p => (PollAnswer?)p.Second) };
    }

    public async Task<VoteReceipt> VoteAsync(Poll poll, string name, string email, params PollAnswer[] answers)
    {
        var outcome = await Voting.VoteAsync(poll.PublicToken, Ballot(poll, name, email, answers));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    public static Actor Organiser => Actors.Organiser;

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
