using EventHub.Core.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace EventHub.Core.Data;

/// <summary>
/// The live signal across app nodes: a publish is a PostgreSQL NOTIFY on one channel, and every node (this one
/// included) LISTENs on one dedicated connection and hands each notification to its own in-process listeners. Only the
/// event id and topic travel. If the listening connection drops, it reconnects; messages sent meanwhile are lost,
/// which costs a page one refresh, never data (listeners reload from the database).
/// </summary>
public sealed class PostgreSqlLiveSignal : ILiveSignal, IHostedService, IAsyncDisposable
{
    public const string Channel = "eventhub_live";

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgreSqlLiveSignal> _logger;
    private readonly InProcessLiveSignal _local = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private int _disposed;
    private Task? _listening;

    public PostgreSqlLiveSignal(string connectionString, ILogger<PostgreSqlLiveSignal> logger)
    {
        // Keepalive lets the listening connection notice a dead server; it carries no queries, so nothing else would.
        _dataSource = new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { KeepAlive = 10 } }.Build();
        _logger = logger;
    }

    public void Publish(int eventId, string topic)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await using var command = _dataSource.CreateCommand("SELECT pg_notify(@channel, @payload)");
                command.Parameters.AddWithValue("channel", Channel);
                command.Parameters.AddWithValue("payload", $"{eventId}:{topic}");
                await command.ExecuteNonQueryAsync(_stopping.Token);
            }
#pragma warning disable CA1031 // A lost live message costs a refresh; the change itself is already committed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "Could not publish live message {Topic} for event {EventId}", topic, eventId);
            }
        });
    }

    public IDisposable Subscribe(int eventId, Func<LiveMessage, Task> listener)
    {
        var subscription = _local.Subscribe(eventId, listener);
        _ = StartAsync(CancellationToken.None); // Hosted in the app; started on first use elsewhere (tools, tests).
        return subscription;
    }

    public IDisposable SubscribeAll(Func<LiveMessage, Task> listener)
    {
        var subscription = _local.SubscribeAll(listener);
        _ = StartAsync(CancellationToken.None);
        return subscription;
    }

    /// <summary>Returns once this node is listening, so nothing published after it is missed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_listening is null)
            {
                var connection = await ListenAsync(cancellationToken);
                _listening = Task.Run(() => ReceiveAsync(connection, _stopping.Token), CancellationToken.None);
            }
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_listening is { } listening)
        {
            await listening.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Idempotent: the container may dispose the signal once as itself and once as the hosted service.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _dataSource.DisposeAsync();
        _stopping.Dispose();
        _startLock.Dispose();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken ct)
    {
        var connection = await _dataSource.OpenConnectionAsync(ct);
        connection.Notification += (_, e) =>
        {
            var colon = e.Payload.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(e.Payload.AsSpan(0, colon), out var eventId))
            {
                _local.Publish(eventId, e.Payload[(colon + 1)..]);
            }
        };
        await using var command = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await command.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task ReceiveAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The server went away or restarted: listen again once it is back.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "Lost the live-signal connection; reconnecting");
                await connection.DisposeAsync();
                connection = await ReconnectAsync(ct);
            }
        }

        await connection.DisposeAsync();
    }

    private async Task<NpgsqlConnection> ReconnectAsync(CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                return await ListenAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Keep trying until the server is back or the app stops.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _logger.LogWarning(ex, "Live-signal reconnect failed; retrying");
            }
        }
    }
}
