// Email benchmark: queue, render (QR + .ics) and deliver 1,000 booking confirmations to an SMTP listener on loopback.
// Run: dotnet run -c Release --project benchmarks/EventHub.Benchmarks.Email [-- count [workers]]
// With EVENTHUB_BENCH_POSTGRES set to a PostgreSQL server's connection string (no database: each run creates its own and
// drops it), delivery is also measured on PostgreSQL with one node and with two nodes (two dispatchers, each with its
// own pool, claiming from one outbox), counting at the listener any Message-Id received twice.
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EventHub.Core.Bookings;
using EventHub.Core.Bookings.Emails;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var folder = Path.Combine(Path.GetTempPath(), "eventhub-bench-email", Guid.NewGuid().ToString("N"));
var factory = new BenchDbFactory(DataServiceCollectionExtensions.DefaultConnectionString(folder));
await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();

var port = FreePort();
var received = new Counter();
var smtpOptions = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
var smtpServices = new SmtpServer.ComponentModel.ServiceProvider();
smtpServices.Add(new CountingStore(received));

// The listener's accepted sockets get NoDelay too: with Nagle on the server side each reply waited on the client's
// delayed ACK (~40 ms per message), which is what held delivery at ~22/s.
smtpServices.Add(new NoDelayListenerFactory());
var smtp = new SmtpServer.SmtpServer(smtpOptions, smtpServices);
using var stop = new CancellationTokenSource();
var smtpTask = smtp.StartAsync(stop.Token);

var options = new EmailOptions
{
    Host = "127.0.0.1",
    Port = port,
    PublicBaseUrl = "https://events.example.org",
    ReplyToAddress = "organisers@example.org",
    BatchSize = 50,
    Workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4,
};
var templates = new ServiceCollection().AddEmailTemplatesBeside<BookingTemplate>().BuildServiceProvider().GetRequiredService<EmailTemplateRegistry>();
var delivery = new OutboxDelivery(factory, templates, new EmailEventSource(), Options.Create(options), TimeProvider.System, NullLogger<OutboxDelivery>.Instance);

var eventId = await AddEventAsync(factory, count);

// 1. Queue: one transaction per message, as a booking writes its confirmation.
var watch = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    await using var db = factory.CreateDbContext();
    Outbox.Enqueue(db, BookingTemplates.BookingConfirmed, $"person{i}@example.org", $"Person {i}", Payload(i), DateTime.UtcNow, eventId);
    await db.SaveChangesAsync();
}

var queueSeconds = watch.Elapsed.TotalSeconds;

// 2. Render: template (QR PNG + .ics) and the whole MIME message written out, without sending.
List<OutboxMessage> messages;
Event loaded;
await using (var db = factory.CreateDbContext())
{
    messages = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    loaded = await db.Events.AsNoTracking().SingleAsync(e => e.Id == eventId);
}

templates.TryGet(BookingTemplates.BookingConfirmed, out var template);
watch.Restart();
long bytes = 0;
await using (var db = factory.CreateDbContext())
{
    foreach (var message in messages)
    {
        var rendered = await template.RenderAsync(new EmailRenderContext { Message = message, Event = EmailEventSource.Snapshot(loaded), IcsSequence = 0, Options = options, Db = db }, CancellationToken.None);
        var mime = MimeComposer.Compose(message, rendered, options, DateTime.UtcNow);
        using var sink = new MemoryStream();
        await mime.WriteToAsync(sink);
        bytes += sink.Length;
    }
}

var renderSeconds = watch.Elapsed.TotalSeconds;

// 2b. SMTP alone: the last rendered message sent over one connection, to separate the wire from the database.
var probeCount = Math.Min(count, 200);
double smtpSeconds;
await using (var db = factory.CreateDbContext())
{
    var rendered = await template.RenderAsync(new EmailRenderContext { Message = messages[0], Event = EmailEventSource.Snapshot(loaded), IcsSequence = 0, Options = options, Db = db }, CancellationToken.None);
    var mime = MimeComposer.Compose(messages[0], rendered, options, DateTime.UtcNow);
    using var client = new MailKit.Net.Smtp.SmtpClient();
    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    await socket.ConnectAsync(IPAddress.Loopback, port);
    await client.ConnectAsync(socket, "127.0.0.1", port, MailKit.Security.SecureSocketOptions.None);
    watch.Restart();
    for (var i = 0; i < probeCount; i++)
    {
        await client.SendAsync(mime);
    }

    smtpSeconds = watch.Elapsed.TotalSeconds;
    await client.DisconnectAsync(true);
}

var probeReceived = received.Value;
received.ForgetSeen();

// 3. Deliver: the real delivery path (claim, render, one SMTP connection per batch, mark each sent).
var (sent, deliverSeconds) = await DeliverAsync([delivery], options.Workers);
var sqliteReceived = received.Value - probeReceived;
var sqliteDuplicates = received.Duplicates;
var exit = sqliteReceived == count && sent == count && sqliteDuplicates == 0 ? 0 : 1;
var postgresLines = new List<string>();

// 4. The same delivery on PostgreSQL with one node and with two (each node its own pool and its own dispatcher with
// the same number of workers, claiming from one outbox), when EVENTHUB_BENCH_POSTGRES names a server.
if (Environment.GetEnvironmentVariable("EVENTHUB_BENCH_POSTGRES") is { Length: > 0 } server)
{
    foreach (var nodes in new[] { 1, 2 })
    {
        var name = "eventhub_bench_mail_" + Guid.NewGuid().ToString("N")[..12];
        await OnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ToString();
            var factories = Enumerable.Range(0, nodes).Select(_ => DataServiceCollectionExtensions.CreatePooledFactory(connection, DatabaseProvider.PostgreSql)).ToArray();
            await new DatabaseInitializer(factories[0], DbDialect.PostgreSql, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();
            var pgEvent = await AddEventAsync(factories[0], count);
            for (var start = 0; start < count; start += 100)
            {
                await using var db = factories[0].CreateDbContext();
                for (var i = start; i < Math.Min(count, start + 100); i++)
                {
                    Outbox.Enqueue(db, BookingTemplates.BookingConfirmed, $"person{i}@example.org", $"Person {i}", Payload(i), DateTime.UtcNow, pgEvent);
                }

                await db.SaveChangesAsync();
            }

            var before = received.Value;
            var duplicatesBefore = received.Duplicates;
            var dispatchers = factories.Select(f => new OutboxDelivery(f, templates, new EmailEventSource(), Options.Create(options), TimeProvider.System, NullLogger<OutboxDelivery>.Instance)).ToArray();
            var (pgSent, pgSeconds) = await DeliverAsync(dispatchers, options.Workers);
            int unsent;
            await using (var db = factories[0].CreateDbContext())
            {
                unsent = await db.Set<OutboxMessage>().CountAsync(m => m.SentUtc == null);
            }

            var pgReceived = received.Value - before;
            var pgDuplicates = received.Duplicates - duplicatesBefore;
            postgresLines.Add(string.Create(CultureInfo.InvariantCulture, $"  PostgreSQL, {nodes} node{(nodes == 1 ? " " : "s")}: delivered {pgSent} in {pgSeconds:F2} s = {pgSent / pgSeconds:F0} msgs/s ({options.Workers} workers per node); listener received {pgReceived}, sent twice {pgDuplicates}, left unsent {unsent}"));
            exit |= pgReceived == count && pgSent == count && pgDuplicates == 0 && unsent == 0 ? 0 : 1;
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await OnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}

smtp.Shutdown();
await stop.CancelAsync();
try
{
    await smtpTask;
}
catch (OperationCanceledException)
{
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Email benchmark: {count} booking confirmations (QR PNG inline + .ics), SQLite file, SMTP listener on 127.0.0.1"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  queued    {count} in {queueSeconds:F2} s = {count / queueSeconds:F0} msgs/s (one transaction each)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rendered  {count} in {renderSeconds:F2} s = {count / renderSeconds:F0} msgs/s (avg {bytes / count / 1024.0:F1} KiB each)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  SMTP only {probeCount} in {smtpSeconds:F2} s = {probeCount / smtpSeconds:F0} msgs/s (one message resent over one connection)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  delivered {sent} in {deliverSeconds:F2} s = {sent / deliverSeconds:F0} msgs/s (render + SMTP + mark sent, batches of {options.BatchSize}, {options.Workers} workers)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  listener received {sqliteReceived} delivered messages, {sqliteDuplicates} of them twice"));
foreach (var line in postgresLines)
{
    Console.WriteLine(line);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  machine   {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
SqliteConnection.ClearAllPools();
try
{
    Directory.Delete(folder, recursive: true);
}
catch (IOException)
{
}

return exit;

// Runs every dispatcher (one per node) with the given number of workers each until the outbox has nothing due.
async Task<(int Sent, double Seconds)> DeliverAsync(OutboxDelivery[] dispatchers, int workersPerNode)
{
    var clock = Stopwatch.StartNew();
    var total = 0;
    await Task.WhenAll(dispatchers.SelectMany(d => Enumerable.Range(0, workersPerNode).Select(_ => Task.Run(async () =>
    {
        while (true)
        {
            var report = await d.DeliverDueAsync();
            if (report.Claimed == 0)
            {
                break;
            }

            Interlocked.Add(ref total, report.Sent);
        }
    }))));
    return (total, clock.Elapsed.TotalSeconds);
}

static async Task<int> AddEventAsync(IDbContextFactory<EventHubDbContext> factory, int capacity)
{
    await using var db = factory.CreateDbContext();
    var evt = new Event
    {
        Title = "Social Media Forum: winter", Slug = "bench", VenueName = "County Hall", VenueAddress = "Topsham Road\nExeter",
        StartUtc = DateTime.UtcNow.AddDays(30), EndUtc = DateTime.UtcNow.AddDays(30).AddHours(6), Capacity = capacity, Status = EventStatus.Published,
        CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
    };
    db.Events.Add(evt);
    await db.SaveChangesAsync();
    return evt.Id;
}

static async Task OnServerAsync(string server, string sql)
{
    await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString());
    await connection.OpenAsync();
    await using var command = new Npgsql.NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static BookingMessagePayload Payload(int i) => new()
{
    BookingReference = "EH-" + i.ToString("D5", CultureInfo.InvariantCulture),
    ManageToken = SecureTokens.New(),
    AttendeeName = "Person " + i.ToString(CultureInfo.InvariantCulture),
    CheckInCode = SecureTokens.New(16),
    TicketTypeName = "General admission",
};

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

/// <summary>Messages the listener received, and how many of them carried a Message-Id it had already seen.</summary>
internal sealed class Counter
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private int _value;
    private int _duplicates;

    public int Value => Volatile.Read(ref _value);

    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>Forgets the Message-Ids seen so far (after the probe, which resends one message on purpose).</summary>
    public void ForgetSeen()
    {
        _seen.Clear();
        Interlocked.Exchange(ref _duplicates, 0);
    }

    public void Add(string? messageId)
    {
        Interlocked.Increment(ref _value);
        if (messageId is not null && !_seen.TryAdd(messageId, 0))
        {
            Interlocked.Increment(ref _duplicates);
        }
    }
}

internal sealed class CountingStore(Counter counter) : MessageStore
{
    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        counter.Add(MessageId(buffer));
        return Task.FromResult(SmtpResponse.Ok);
    }

    // The Message-Id header's value, read from the headers only (the probe phase resends one message: it is counted
    // apart and never compared).
    private static string? MessageId(ReadOnlySequence<byte> buffer)
    {
        var text = System.Text.Encoding.ASCII.GetString((buffer.Length > 16384 ? buffer.Slice(0, 16384) : buffer).ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        foreach (var line in (end < 0 ? text : text[..end]).Split("\r\n"))
        {
            if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                return line["Message-Id:".Length..].Trim();
            }
        }

        return null;
    }
}

internal sealed class BenchDbFactory(string connectionString) : IDbContextFactory<EventHubDbContext>
{
    public EventHubDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<EventHubDbContext>();
        DataServiceCollectionExtensions.Configure(builder, connectionString);
        return new EventHubDbContext(builder.Options);
    }
}

/// <summary>Like SmtpServer's own endpoint listener, but switches Nagle's algorithm off on each accepted socket.</summary>
internal sealed class NoDelayListenerFactory : SmtpServer.Net.IEndpointListenerFactory
{
    public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new NoDelayListener(listener);
    }

    private sealed class NoDelayListener(TcpListener listener) : SmtpServer.Net.IEndpointListener
    {
        public async Task<SmtpServer.IO.ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[SmtpServer.Net.EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[SmtpServer.Net.EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>A plain-text pipe over the accepted connection (the benchmark never upgrades to TLS).</summary>
    private sealed class PlainPipe(TcpClient client) : SmtpServer.IO.ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public System.IO.Pipelines.PipeReader Input => field ??= System.IO.Pipelines.PipeReader.Create(_stream);

        public System.IO.Pipelines.PipeWriter Output => field ??= System.IO.Pipelines.PipeWriter.Create(_stream);

        public bool IsSecure => false;

        public System.Security.Authentication.SslProtocols SslProtocol => System.Security.Authentication.SslProtocols.None;

        public Task UpgradeAsync(System.Security.Cryptography.X509Certificates.X509Certificate certificate, System.Security.Authentication.SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The benchmark listener does not offer TLS.");

        public void Dispose()
        {
            _stream.Dispose();
            client.Dispose();
        }
    }
}
