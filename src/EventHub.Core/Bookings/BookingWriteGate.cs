using EventHub.Core.Data;

namespace EventHub.Core.Bookings;

/// <summary>
/// SQLite allows one writer at a time; letting every request fight for the file lock gives multi-second tails.
/// One in-process gate around each booking write transaction queues them fairly instead (and lets the
/// <see cref="BookingWriter"/> batch them). On an engine with row locks (PostgreSQL) the gate lets everyone straight
/// through: the conditional updates in <see cref="Places"/> and the unique indexes are the guarantee there, as they
/// are across several processes, and an in-process gate could not guard several nodes anyway.
/// </summary>
public sealed class BookingWriteGate(DbDialect dialect) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A gate for SQLite, the embedded default.</summary>
    public BookingWriteGate()
        : this(DbDialect.Sqlite)
    {
    }

    /// <summary>True when writers queue here (a single-writer engine); false when the database serialises them.</summary>
    public bool Queues => dialect.HasSingleWriter;

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!Queues)
        {
            return Open.Instance;
        }

        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    /// <summary>Enters on a thread that may block (the booking writer's own); never on a request's thread.</summary>
    internal IDisposable Enter()
    {
        if (!Queues)
        {
            return Open.Instance;
        }

        _gate.Wait();
        return new Releaser(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
