// Door scanning: T confirmed tickets scanned by D concurrent door clients through the real CheckInService on a
// SQLite file in WAL mode. Usage: dotnet run -c Release --project benchmarks/EventHub.Benchmarks.CheckIn -- [doors=4] [tickets=1000]
using System.Diagnostics;
using System.Globalization;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

var doors = Arg(0, 4);
var tickets = Arg(1, 1000);

var folder = Path.Combine(Path.GetTempPath(), "eventhub-bench-checkin-" + Guid.NewGuid().ToString("N"));
var factory = new Factory(DataServiceCollectionExtensions.DefaultConnectionString(folder));
try
{
    await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();
    var service = new CheckInService(factory, TimeProvider.System, new InProcessLiveSignal());
    var organiser = Door.ForOrganiser(Actor.Organiser("bench", "Benchmark organiser"));

    var (warmEvent, warmCodes) = await SeedAsync(factory, "warm-up", 200);
    await ScanAllAsync(service, warmEvent, warmCodes, doors, organiser);

    var (eventId, codes) = await SeedAsync(factory, "benchmark", tickets);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var (latencies, checkedIn, other) = await ScanAllAsync(service, eventId, codes, doors, organiser);
    var elapsed = clock.Elapsed;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    var counts = (await service.CountsAsync(organiser, eventId)).Value!;

    latencies.Sort();
    Console.WriteLine(FormattableString.Invariant($"doors              {doors}"));
    Console.WriteLine(FormattableString.Invariant($"tickets            {tickets}"));
    Console.WriteLine(FormattableString.Invariant($"checked in         {checkedIn}, other results {other}, counts {counts.CheckedIn}/{counts.Confirmed}"));
    Console.WriteLine(FormattableString.Invariant($"elapsed            {elapsed.TotalSeconds:F2} s ({tickets / elapsed.TotalSeconds:F0} scans/s)"));
    Console.WriteLine(FormattableString.Invariant($"CPU per scan       {cpu.TotalMilliseconds / Math.Max(1, tickets):F2} ms"));
    Console.WriteLine(FormattableString.Invariant($"machine            {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
    Console.WriteLine(FormattableString.Invariant($"latency p50        {Percentile(latencies, 0.50):F1} ms"));
    Console.WriteLine(FormattableString.Invariant($"latency p99        {Percentile(latencies, 0.99):F1} ms"));
    Console.WriteLine(FormattableString.Invariant($"latency max        {latencies[^1]:F1} ms"));
    return checkedIn == tickets && counts.CheckedIn == tickets ? 0 : 1;
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try
    {
        Directory.Delete(folder, recursive: true);
    }
    catch (IOException)
    {
        // Temp folder; the OS cleans it.
    }
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static int Arg(int index, int fallback) =>
    Environment.GetCommandLineArgs().Skip(1).ElementAtOrDefault(index) is { } s && int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : fallback;

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

// Confirmed bookings written directly (booking speed is the booking benchmark's business, not this one's).
static async Task<(int EventId, List<string> Codes)> SeedAsync(Factory factory, string slug, int count)
{
    await using var db = factory.CreateDbContext();
    var now = DateTime.UtcNow;
    var ev = new Event
    {
        Title = "Benchmark " + slug, Slug = slug, Status = EventStatus.Published, Capacity = count, PlacesTaken = count,
        StartUtc = now, EndUtc = now.AddHours(6), CreatedUtc = now, UpdatedUtc = now,
    };
    db.Add(ev);
    await db.SaveChangesAsync();
    var codes = new List<string>(count);
    for (var i = 0; i < count; i++)
    {
        var code = SecureTokens.New(16);
        codes.Add(code);
        var email = slug + i.ToString(CultureInfo.InvariantCulture) + "@bench.gov.uk";
        db.Add(new Booking
        {
            EventId = ev.Id, Reference = slug[..1].ToUpperInvariant() + i.ToString("D6", CultureInfo.InvariantCulture),
            CheckInCode = code, Name = "Person " + i.ToString(CultureInfo.InvariantCulture),
            Email = email, NormalisedEmail = email, Organisation = "Benchmark Council", Status = BookingStatus.Confirmed,
            CreatedUtc = now, UpdatedUtc = now,
        });
    }

    await db.SaveChangesAsync();
    return (ev.Id, codes);
}

static async Task<(List<double> Latencies, int CheckedIn, int Other)> ScanAllAsync(CheckInService service, int eventId, List<string> codes, int doors, Door door)
{
    var next = -1;
    var latencies = new List<double>[doors];
    int checkedIn = 0, other = 0;
    await Task.WhenAll(Enumerable.Range(0, doors).Select(d => Task.Run(async () =>
    {
        var mine = latencies[d] = [];
        int i;
        while ((i = Interlocked.Increment(ref next)) < codes.Count)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await service.CheckInAsync(codes[i], door, eventId);
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.Status == CheckInStatus.CheckedIn)
            {
                Interlocked.Increment(ref checkedIn);
            }
            else
            {
                Interlocked.Increment(ref other);
            }
        }
    })));
    return (latencies.SelectMany(l => l).ToList(), checkedIn, other);
}

internal sealed class Factory(string connectionString) : IDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        DataServiceCollectionExtensions.Configure(options, connectionString);
        return new EventHubDbContext(options.Options);
    }
}
