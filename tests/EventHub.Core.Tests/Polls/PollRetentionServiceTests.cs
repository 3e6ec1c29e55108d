using EventHub.Core.Polls;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Polls;

public sealed class PollRetentionServiceTests
{
    [Fact]
    public async Task The_background_service_deletes_personal_data_when_its_sweep_comes_round()
    {
        await using var kit = await PollTestKit.CreateAsync();
        var poll = await kit.CreatePollAsync();
        await kit.VoteAsync(poll, "Ann", "ann@example.com", Yes, No, No);
        var settings = Options.Create(new PollSettings { RetentionSweepInterval = TimeSpan.FromHours(1) });
        using var service = new PollRetentionService(kit.Finalising, kit.PersonalData, kit.Database.Leases(kit.Clock), kit.Clock, settings, NullLogger<PollRetentionService>.Instance);
        await service.StartAsync(TestContext.Current.CancellationToken);

        // The start-up sweep finds nothing due; 31 days after the last date the next tick clears the poll.
        kit.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 3, 21, 0, 0, TimeSpan.Zero));
        kit.Clock.Advance(TimeSpan.FromHours(1));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await kit.Voting.GetByTokenAsync(poll.PublicToken, TestContext.Current.CancellationToken))!.Results.Voters.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await service.StopAsync(TestContext.Current.CancellationToken);
        var results = (await kit.Voting.GetByTokenAsync(poll.PublicToken, TestContext.Current.CancellationToken))!.Results;
        results.PersonalDataDeleted.ShouldBeTrue();
        results.Options[0].Yes.ShouldBe(1);
    }
}
