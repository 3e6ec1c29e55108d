using System.Text;
using EventHub.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EventHub.Core.Tests.Support;

/// <summary>
/// A real database with every migration applied — the engines we ship, not a fake. SQLite (a file in a temporary
/// folder) unless EVENTHUB_TEST_PROVIDER=PostgreSql, when each test database is a copy of one migrated template on
/// the server named by EVENTHUB_TEST_POSTGRES (cheap: the migrations run once per test run). A missing or
/// unreachable server fails the test. Dispose deletes the database.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDbContextFactory<EventHubDbContext>
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;
    private readonly string? _serverDatabase;

    private TestDatabase(string folder, DbDialect dialect, string connectionString, string? serverDatabase)
    {
        Folder = folder;
        Dialect = dialect;
        ConnectionString = connectionString;
        _serverDatabase = serverDatabase;
    }

    /// <summary>The engine this test run uses, from EVENTHUB_TEST_PROVIDER (Sqlite when unset).</summary>
    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("EVENTHUB_TEST_PROVIDER"), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <summary>A folder of its own for files the test writes (materials, mail pickup).</summary>
    public string Folder { get; }

    public DbDialect Dialect { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync() => CreateAsync(Provider);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "eventhub-tests", Guid.NewGuid().ToString("N"));
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = new TestDatabase(folder, DbDialect.Sqlite, DataServiceCollectionExtensions.DefaultConnectionString(folder), null);
            await file.MigrateAsync();
            return file;
        }

        Directory.CreateDirectory(folder);
        var template = await TemplateAsync();
        var name = "eventhub_t_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(folder, DbDialect.PostgreSql, ServerConnectionString(name), name);
    }

    /// <summary>The server named by EVENTHUB_TEST_POSTGRES; required (never skipped) when a test asks for PostgreSQL.</summary>
    public static string ServerConnectionString(string database)
    {
        var server = Environment.GetEnvironmentVariable("EVENTHUB_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("PostgreSQL tests need EVENTHUB_TEST_POSTGRES (a connection string to a server that may create databases); ./test.sh sets it.");
        }

        // A small pool per test database: test classes run side by side and each has a database of its own.
        return new NpgsqlConnectionStringBuilder(server) { Database = database, IncludeErrorDetail = true, MaxPoolSize = 30 }.ToString();
    }

    public EventHubDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<EventHubDbContext>();
        Dialect.Configure(options, ConnectionString);
        return new EventHubDbContext(options.Options);
    }

    /// <summary>Job leases on this database as one node holds them (each call is another node).</summary>
    public JobLeases Leases(TimeProvider clock, TimeSpan? duration = null) => new(this, clock, duration ?? JobLeases.DefaultDuration);

    public Task<EventHubDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    /// <summary>
    /// Every file under the data folder whose bytes hold one of <paramref name="needles"/> as UTF-8 or UTF-16
    /// (either byte order), after the SQLite log is checkpointed into the database file. Each hit reads "file: needle".
    /// </summary>
    public async Task<IReadOnlyList<string>> FilesHoldingAsync(params string[] needles)
    {
        if (Dialect.Provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }

        var hits = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            foreach (var needle in needles)
            {
                var forms = new[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode }
                    .SelectMany(e => new[] { e.GetBytes(needle), e.GetBytes(needle.ToUpperInvariant()) });
                if (forms.Any(form => bytes.AsSpan().IndexOf(form) >= 0))
                {
                    hits.Add($"{Path.GetRelativePath(Folder, file)}: {needle}");
                }
            }
        }

        return hits;
    }

    public async ValueTask DisposeAsync()
    {
        if (_serverDatabase is null)
        {
            SqliteConnection.ClearAllPools();
        }
        else
        {
            await using (var connection = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(connection);
            }

            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_serverDatabase}\" WITH (FORCE)");
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }

    private Task MigrateAsync() => new DatabaseInitializer(this, Dialect, NullLogger<DatabaseInitializer>.Instance).MigrateAsync();

    /// <summary>Migrates one template database per test run; every PostgreSQL test database is copied from it.</summary>
    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var name = "eventhub_tpl_" + Guid.NewGuid().ToString("N");
                await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
                var template = new TestDatabase(Path.GetTempPath(), DbDialect.PostgreSql, ServerConnectionString(name), name);
                await template.MigrateAsync();
                await using (var connection = new NpgsqlConnection(template.ConnectionString))
                {
                    // CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template.
                    NpgsqlConnection.ClearPool(connection);
                }

                _template = name;
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                    ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            }

            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
