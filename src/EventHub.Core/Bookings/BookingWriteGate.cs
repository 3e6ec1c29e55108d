namespace EventHub.Core.Bookings;

/// <summary>
/// SQLite allows one writer at a time; letting every request fight for the file lock gives multi-second tails.
/// One in-process gate around each booking write transaction queues them fairly instead. The conditional updates
/// in <see cref="Places"/> remain the guarantee (several processes, or another provider, stay correct).
/// </summary>
public sealed class BookingWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    public void Dispose() => _gate.Dispose();

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
