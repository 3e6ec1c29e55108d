using EventHub.Core.Common;
using EventHub.Core.CheckIn;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>Door devices scanning the same ticket at the same moment, on a real SQLite file.</summary>
public sealed class CheckInConcurrencyTests
{
    [Fact]
    public async Task Many_doors_scanning_the_same_ticket_at_once_check_it_in_exactly_once()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var links = new List<IssuedDoorLink>();
        for (var i = 0; i < 4; i++)
        {
            links.Add(await kit.LinkAsync($"Door {i}"));
        }

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var door = i % 5 == 0 ? kit.Organiser : Door.ForLink(links[i % 4].Token);
            return await kit.Service.CheckInAsync(code, door, kit.EventId);
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        results.Count(r => r.Status == CheckInStatus.CheckedIn).ShouldBe(1);
        results.Count(r => r.Status == CheckInStatus.AlreadyCheckedIn).ShouldBe(39);
        var winner = results.Single(r => r.Status == CheckInStatus.CheckedIn);
        results.Where(r => r.Status == CheckInStatus.AlreadyCheckedIn).ShouldAllBe(r => r.CheckedInBy == winner.CheckedInBy && r.CheckedInUtc == winner.CheckedInUtc);
        await using var db = kit.Booking.Database.CreateDbContext();
        (await db.Set<CheckInRecord>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Two_services_on_one_file_scanning_the_same_tickets_still_check_each_in_once()
    {
        // Two app instances on one database file: no in-process state can be what keeps it to one.
        await using var kit = await CheckInKit.CreateAsync();
        var other = new CheckInService(kit.Booking.Database, kit.Booking.Clock, new InProcessLiveSignal());
        var codes = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            codes.Add(await kit.CodeOfAsync($"Person {i}"));
        }

        var results = await Task.WhenAll(codes.SelectMany(c => new[] { kit.Service, other, kit.Service, other }.Select(s => Task.Run(() => s.CheckInAsync(c, Door.ForOrganiser(Actors.Organiser), kit.EventId)))));

        results.Count(r => r.Status == CheckInStatus.CheckedIn).ShouldBe(20);
        results.Count(r => r.Status == CheckInStatus.AlreadyCheckedIn).ShouldBe(60);
        (await kit.Service.CountsAsync(kit.Organiser, kit.EventId)).Value.ShouldBe(new CheckInCounts(20, 20));
    }
}
