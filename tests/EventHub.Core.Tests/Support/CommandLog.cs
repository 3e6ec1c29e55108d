using System.Collections.Concurrent;
using System.Data.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EventHub.Core.Tests.Support;

/// <summary>
/// Every command the contexts it is added to run, as text: for tests that check what SQL a use case sends (a lock that
/// writes nothing, a read the hot path no longer makes). Add it as an interceptor, or take <see cref="ContextsOn"/>.
/// </summary>
public sealed class CommandLog : DbCommandInterceptor
{
    public ConcurrentQueue<string> Texts { get; } = new();

    /// <summary>Contexts on <paramref name="database"/> that report every command they run to this log.</summary>
    public IDbContextFactory<EventHubDbContext> ContextsOn(TestDatabase database) => new LoggedContexts(database, this);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Texts.Enqueue(command.CommandText.TrimStart());
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Texts.Enqueue(command.CommandText.TrimStart());
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Texts.Enqueue(command.CommandText.TrimStart());
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Texts.Enqueue(command.CommandText.TrimStart());
        return ValueTask.FromResult(result);
    }

    private sealed class LoggedContexts(TestDatabase database, CommandLog log) : IDbContextFactory<EventHubDbContext>
    {
        public EventHubDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<EventHubDbContext>();
            database.Dialect.Configure(options, database.ConnectionString);
            options.AddInterceptors(log);
            return new EventHubDbContext(options.Options);
        }
    }
}
