// Booking throughput: N concurrent bookers against the real BookingService on a SQLite file in WAL mode with
// synchronous=FULL (the shipped settings). With EVENTHUB_BENCH_POSTGRES set to a PostgreSQL server's connection string
// (no database: each run creates its own and drops it), the same run follows on PostgreSQL with one node and with two
// nodes (two BookingService instances, each with its own pool and write gate, the bookers spread across them), so the
// three figures come from one run on one machine.
// Usage: dotnet run -c Release --project benchmarks/EventHub.Benchmarks -- [bookers=64] [bookings=6000] [capacity=5000] [warm-up rounds=3]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

var bookers = Arg(0, 64);
var total = Arg(1, 6000);
var capacity = Arg(2, 5000);
var warmUpRounds = Arg(3, 3);

var folder = Path.Combine(Path.GetTempPath(), "eventhub-bench-" + Guid.NewGuid().ToString("N"));
var exit = 0;
try
{
    Console.WriteLine("== SQLite, one node");
    exit |= await MeasureAsync(DbDialect.Sqlite, [DataServiceCollectionExtensions.CreatePooledFactory(DataServiceCollectionExtensions.DefaultConnectionString(folder))], bookers, total, capacity, warmUpRounds);
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

if (Environment.GetEnvironmentVariable("EVENTHUB_BENCH_POSTGRES") is { Length: > 0 } server)
{
    foreach (var nodes in new[] { 1, 2 })
    {
        var name = "eventhub_bench_" + Guid.NewGuid().ToString("N")[..12];
        await OnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ToString();
            Console.WriteLine(FormattableString.Invariant($"== PostgreSQL, {nodes} node{(nodes == 1 ? "" : "s")}"));
            exit |= await MeasureAsync(
                DbDialect.PostgreSql,
                Enumerable.Range(0, nodes).Select(_ => DataServiceCollectionExtensions.CreatePooledFactory(connection, DatabaseProvider.PostgreSql)).ToArray(),
                bookers, total, capacity, warmUpRounds);
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await OnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}

return exit;

static async Task OnServerAsync(string server, string sql)
{
    await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
    await connection.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

// One measurement: each factory is one node (its own pool and write gate); the bookers are spread across the nodes.
static async Task<int> MeasureAsync(DbDialect dialect, IDbContextFactory<EventHubDbContext>[] nodes, int bookers, int total, int capacity, int warmUpRounds)
{
    var factory = nodes[0];
    await new DatabaseInitializer(factory, dialect, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();
    var gates = nodes.Select(_ => new BookingWriteGate(dialect)).ToArray();
    var services = nodes.Select((f, i) => new BookingService(f, TimeProvider.System, gates[i])).ToArray();

    // Warm up the JIT, EF's query cache and the connection pool on separate events, then let the JIT's background
    // compiler finish. With one round of 3,000 bookings the tiering thread was still recompiling hot methods (tier 0,
    // then instrumented for TieredPGO, then tier 1) during the measured run: 17 % of its CPU in round 8's profile.
    // The "CPU by thread" line shows what is left of it.
    for (var round = 1; round <= warmUpRounds; round++)
    {
        var warm = await AddEventAsync(factory, "warm-up-" + round.ToString(CultureInfo.InvariantCulture), 2500);
        await RunAsync(services, warm, bookers, 3000, "warm" + round.ToString(CultureInfo.InvariantCulture));
    }

    await Task.Delay(TimeSpan.FromSeconds(2));

    var eventId = await AddEventAsync(factory, "benchmark", capacity);

    // Calibration: what one trivial EF query (new context, open, read one row) costs on this machine right now.
    var calibrationCpu = Process.GetCurrentProcess().TotalProcessorTime;
    for (var i = 0; i < 500; i++)
    {
        await using var probe = factory.CreateDbContext();
        await probe.Events.AsNoTracking().FirstAsync(e => e.Id == eventId);
    }

    var trivialQueryMs = (Process.GetCurrentProcess().TotalProcessorTime - calibrationCpu).TotalMilliseconds / 500;
    var batches = new ConcurrentQueue<int>();
    using var listener = ListenToBatches(batches);
    var threadsBefore = ThreadTicks();
    // Threads come and go during the run (the JIT's tiering worker, thread-pool threads): look every 50 ms and keep
    // the last figure of each, so a thread that ends before the run does still counts.
    var threadsSeen = new Dictionary<(int Id, string Name), long>(threadsBefore);
    using var stopSampling = new CancellationTokenSource();
    var sampling = Task.Run(async () =>
    {
        while (!stopSampling.IsCancellationRequested)
        {
            Merge(threadsSeen, ThreadTicks());
            await Task.Delay(50, CancellationToken.None);
        }
    });
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var (elapsed, latencies, confirmed, waiting, failed) = await RunAsync(services, eventId, bookers, total, "p");
    await stopSampling.CancelAsync();
    await sampling;
    Merge(threadsSeen, ThreadTicks());
    listener.Dispose();

    var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
    await using var db = factory.CreateDbContext();
    var ev = await db.Events.AsNoTracking().FirstAsync(e => e.Id == eventId);
    var confirmedRows = await db.Set<Booking>().CountAsync(b => b.EventId == eventId && b.Status == BookingStatus.Confirmed);
    var oversold = Math.Max(0, confirmedRows - ev.Capacity) + (ev.PlacesTaken != confirmedRows ? Math.Abs(ev.PlacesTaken - confirmedRows) : 0);

    latencies.Sort();
    var done = confirmed + waiting;
    Console.WriteLine(FormattableString.Invariant($"nodes              {nodes.Length}"));
    Console.WriteLine(FormattableString.Invariant($"bookers            {bookers}"));
    Console.WriteLine(FormattableString.Invariant($"bookings attempted {total} (capacity {capacity})"));
    Console.WriteLine(FormattableString.Invariant($"confirmed          {confirmed}, waiting list {waiting}, failed {failed}"));
    Console.WriteLine(FormattableString.Invariant($"elapsed            {elapsed.TotalSeconds:F2} s"));
    Console.WriteLine(FormattableString.Invariant($"bookings/s         {done / elapsed.TotalSeconds:F0} (all outcomes)"));
    Console.WriteLine(FormattableString.Invariant($"confirmed/s        {confirmed / elapsed.TotalSeconds:F0}"));
    Console.WriteLine(FormattableString.Invariant($"CPU per booking    {cpu.TotalMilliseconds / Math.Max(1, done):F2} ms (process CPU time / bookings; machine load matters)"));
    Console.WriteLine(CpuByThread(threadsBefore, threadsSeen, done));
    Console.WriteLine(FormattableString.Invariant($"trivial EF query   {trivialQueryMs:F2} ms CPU (calibration: new context + one-row read)"));
    Console.WriteLine(FormattableString.Invariant($"machine            {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
    Console.WriteLine(FormattableString.Invariant($"latency p50        {Percentile(latencies, 0.50):F1} ms"));
    Console.WriteLine(FormattableString.Invariant($"latency p99        {Percentile(latencies, 0.99):F1} ms"));
    Console.WriteLine(FormattableString.Invariant($"latency max        {latencies[^1]:F1} ms"));
    Console.WriteLine(BatchSizes([.. batches]));
    Console.WriteLine(FormattableString.Invariant($"oversold           {oversold} (places taken {ev.PlacesTaken}, confirmed rows {confirmedRows}, capacity {ev.Capacity})"));
    foreach (var gate in gates)
    {
        gate.Dispose();
    }

    return oversold == 0 && failed == 0 ? 0 : 1;
}

// The writer's group commits (SQLite only: PostgreSQL writes each booking on its own).
static MeterListener ListenToBatches(ConcurrentQueue<int> sizes)
{
    var listener = new MeterListener
    {
        InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == BookingWriterMetrics.MeterName && instrument.Name == BookingWriterMetrics.BatchSizeName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        },
    };
    listener.SetMeasurementEventCallback<int>((_, size, _, _) => sizes.Enqueue(size));
    listener.Start();
    return listener;
}

static string BatchSizes(List<int> sizes)
{
    if (sizes.Count == 0)
    {
        return "batches            none (each booking its own transaction)";
    }

    sizes.Sort();
    int[] upper = [1, 4, 16, 32, 63, 64];
    var lower = 1;
    var buckets = new List<string>();
    foreach (var top in upper)
    {
        var count = sizes.Count(s => s >= lower && s <= top);
        buckets.Add(FormattableString.Invariant($"{(lower == top ? top.ToString(CultureInfo.InvariantCulture) : $"{lower}-{top}")}: {count}"));
        lower = top + 1;
    }

    return FormattableString.Invariant(
        $"batches            {sizes.Count}, mean {sizes.Average():F1}, p50 {sizes[sizes.Count / 2]}, max {sizes[^1]} bookings ({string.Join(", ", buckets)})");
}

// CPU ticks (1/100 s) per live thread of this process, by thread id and name, from /proc (Linux; empty elsewhere).
static Dictionary<(int Id, string Name), long> ThreadTicks()
{
    var ticks = new Dictionary<(int, string), long>();
    if (!Directory.Exists("/proc/self/task"))
    {
        return ticks;
    }

    foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(task, "stat"));
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // After the name: state is field 3, utime field 14, stime field 15.
            ticks[(int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture), stat[(open + 1)..close])] =
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            // The thread ended while we looked.
        }
    }

    return ticks;
}

static void Merge(Dictionary<(int Id, string Name), long> seen, Dictionary<(int Id, string Name), long> now)
{
    foreach (var (thread, ticks) in now)
    {
        seen[thread] = Math.Max(ticks, seen.GetValueOrDefault(thread));
    }
}

// Where the measured run's CPU went: the booking writer's thread, the JIT's tiering thread, the GC, and everything
// else (the bookers' requests on the thread pool). A thread that ended loses at most its last 50 ms.
static string CpuByThread(Dictionary<(int Id, string Name), long> before, Dictionary<(int Id, string Name), long> after, int bookings)
{
    if (after.Count == 0)
    {
        return "CPU by thread      n/a (no /proc)";
    }

    var groups = new Dictionary<string, long> { ["writer"] = 0, ["JIT tiering"] = 0, ["GC"] = 0, ["requests and rest"] = 0 };
    foreach (var (thread, ticks) in after)
    {
        var used = ticks - before.GetValueOrDefault(thread);
        var group = thread.Name switch
        {
            "Booking writer" => "writer",
            var n when n.StartsWith(".NET Tiered", StringComparison.Ordinal) => "JIT tiering",
            var n when n.Contains("GC", StringComparison.Ordinal) => "GC",
            _ => "requests and rest",
        };
        groups[group] += used;
    }

    return "CPU by thread      " + string.Join(", ", groups.Select(g => FormattableString.Invariant($"{g.Key} {g.Value * 10.0 / Math.Max(1, bookings):F2} ms")))
        + " per booking";
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static int Arg(int index, int fallback) =>
    Environment.GetCommandLineArgs().Skip(1).ElementAtOrDefault(index) is { } s && int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : fallback;

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task<int> AddEventAsync(IDbContextFactory<EventHubDbContext> factory, string slug, int capacity)
{
    await using var db = factory.CreateDbContext();
    var now = DateTime.UtcNow;
    var ev = new Event
    {
        Title = "Benchmark " + slug, Slug = slug, Status = EventStatus.Published, Capacity = capacity,
        StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(6), CreatedUtc = now, UpdatedUtc = now,
    };
    db.Add(ev);
    await db.SaveChangesAsync();
    return ev.Id;
}

static async Task<(TimeSpan Elapsed, List<double> Latencies, int Confirmed, int Waiting, int Failed)> RunAsync(
    BookingService[] services, int eventId, int bookers, int total, string prefix)
{
    var next = -1;
    var latencies = new List<double>[bookers];
    int confirmed = 0, waiting = 0, failed = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, bookers).Select(worker => Task.Run(async () =>
    {
        var mine = latencies[worker] = [];
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            var form = new BookingForm
            {
                Name = "Person " + i.ToString(CultureInfo.InvariantCulture),
                Email = prefix + i.ToString(CultureInfo.InvariantCulture) + "@bench.gov.uk",
                Organisation = "Benchmark Council",
                PrivacyConsent = true,
            };
            var started = Stopwatch.GetTimestamp();
            var outcome = await services[worker % services.Length].BookAsync(new BookingRequest(eventId, form));
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!outcome.Succeeded)
            {
                Interlocked.Increment(ref failed);
            }
            else if (outcome.Value!.Status == BookingStatus.Confirmed)
            {
                Interlocked.Increment(ref confirmed);
            }
            else
            {
                Interlocked.Increment(ref waiting);
            }
        }
    })));
    clock.Stop();
    return (clock.Elapsed, latencies.SelectMany(l => l).ToList(), confirmed, waiting, failed);
}
