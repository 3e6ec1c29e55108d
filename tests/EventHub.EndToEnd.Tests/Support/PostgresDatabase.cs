using Npgsql;

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// An empty database of its own on the PostgreSQL server named by EVENTHUB_TEST_POSTGRES (./test.sh starts a
/// throwaway cluster and sets it), for tests of several app nodes on one database. Without a reachable server the
/// test fails; it is never skipped. Dispose drops the database.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string _name;

    private PostgresDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The settings that put an <see cref="AppHost"/> on this database.</summary>
    public Dictionary<string, string?> NodeSettings() => new()
    {
        ["EventHub:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:EventHub"] = ConnectionString,
    };

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var name = "eventhub_e2e_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        // A modest pool per node: two nodes and their background jobs stay well inside the server's connections. A rush
        // of 500 bookings queues for those 30 connections; the run's other tests share the server and the cores, so a
        // booking may wait longer than the default 15 s for one: 60 s.
        return new PostgresDatabase(name, new NpgsqlConnectionStringBuilder(Server()) { Database = name, MaxPoolSize = 30, Timeout = 60 }.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable("EVENTHUB_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("Tests of several nodes need EVENTHUB_TEST_POSTGRES (a connection string to a server that may create databases); ./test.sh sets it.");
        }

        return server;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres" }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
