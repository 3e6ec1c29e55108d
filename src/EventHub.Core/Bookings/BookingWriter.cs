using System.Collections.Concurrent;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>
/// Group commit. SQLite has one writer at a time, so when many people book at once their writes queue for the
/// write gate anyway; one drain takes the gate and writes everything queued so far in one transaction (one commit,
/// one batched insert) instead of one transaction each. Each booking still takes its places through its own
/// conditional update inside that transaction, so the no-oversell guarantee is unchanged. If the batch fails
/// (say two concurrent requests with the same email slipped past the snapshot), it is rolled back and every
/// booking in it is written again on its own, exactly as it would have been without batching.
/// On an engine without a single writer (PostgreSQL) there is no queue to batch: each booking is its own transaction.
/// </summary>
internal sealed class BookingWriter(IDbContextFactory<EventHubDbContext> dbFactory, BookingWriteGate gate)
{
    private const int MaxBatch = 64;

    /// <summary>
    /// How long the writer thread waits for more work before it ends. Long enough that a rush keeps one thread from
    /// start to end; short enough that a test's many services do not keep idle threads.
    /// </summary>
    private static readonly TimeSpan IdleBeforeExit = TimeSpan.FromSeconds(2);

    /// <summary>
    /// While people book together, a short queue waits this long for the bookings still being read to join it: one
    /// commit for twenty costs far less per booking than twenty commits of one. A lone booking never waits.
    /// </summary>
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(1);

    private const int LingerBelow = MaxBatch / 4;

    /// <summary>How many wait ahead of a new booking on the list (saved rows only), compiled once per model.</summary>
    private static readonly CompiledPerModel<Func<EventHubDbContext, int, long, CancellationToken, Task<int>>> WaitingAhead = new(
        () => EF.CompileAsyncQuery((EventHubDbContext db, int eventId, long rank, CancellationToken ct) =>
            db.Set<Booking>().Count(x => x.EventId == eventId && x.Status == BookingStatus.Waiting && x.WaitlistRank <= rank)));

    private readonly ConcurrentQueue<PendingBooking> _pending = new();
    private readonly object _wake = new(); // Monitor.Wait and Pulse need a plain object, not a Lock.
    private int _running;
    private int _lastBatch; // Only the writer thread reads and writes it.

    public async Task<Outcome<BookingResult>> WriteAsync(PendingBooking job)
    {
        if (!gate.Queues)
        {
            return await WriteAloneAsync(job);
        }

        _pending.Enqueue(job);
        lock (_wake)
        {
            Monitor.Pulse(_wake);
        }

        StartIfStopped();
        // Not cancellable: once queued, the booking is written by the writer thread, so the caller's wait must end
        // with a real answer.
        return await job.Completion.Task;
    }

    private void StartIfStopped()
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            // Not inline: the SQLite calls complete synchronously, so this request would wait for everyone else's
            // bookings. Not on the thread pool either: under load its queue holds a thousand requests (measured in the
            // rush), and a drain queued behind them started hundreds of milliseconds late, every time the queue ran dry.
            // One thread for as long as bookings keep coming: round 6 started one per burst, and with that (and the
            // smaller batches of a drain that starts at once) the in-process benchmark spent about 0.7 ms more CPU per
            // booking (the A/B in docs/benchmarks.md).
            new Thread(Run) { IsBackground = true, Name = "Booking writer" }.UnsafeStart();
        }
    }

    /// <summary>
    /// The one writer, on its own thread: it takes the gate once per batch and writes whatever has queued meanwhile,
    /// then sleeps until the next booking arrives, and ends after <see cref="IdleBeforeExit"/> without one. Bookers
    /// never wait on the gate themselves. They used to, and under HTTP load each batch then cost a thread-pool hop per
    /// booking: the gate passed, one hop at a time, through every waiter whose booking the batch had already written,
    /// and each hop queued behind the web requests waiting for a thread (the rush of 2026-12-01; docs/benchmarks.md).
    /// </summary>
    private void Run()
    {
        try
        {
            while (true)
            {
                DrainQueued();
                lock (_wake)
                {
                    // A booking queued from here on pulses only once this thread waits (the pulse needs the lock).
                    if (!_pending.IsEmpty || Monitor.Wait(_wake, IdleBeforeExit) || !_pending.IsEmpty)
                    {
                        continue;
                    }
                }

                Volatile.Write(ref _running, 0);
                // A booking queued after the last look but before the flag was cleared found the writer still running: take it.
                if (_pending.IsEmpty || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
                {
                    return;
                }
            }
        }
#pragma warning disable CA1031 // Its own thread: anything thrown would end the process. The bookers waiting get the failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            while (_pending.TryDequeue(out var job))
            {
                job.Completion.TrySetException(ex);
            }

            Volatile.Write(ref _running, 0);
            if (!_pending.IsEmpty)
            {
                StartIfStopped();
            }
        }
    }

    private void DrainQueued()
    {
        while (!_pending.IsEmpty)
        {
            if (_lastBatch > 1 && _pending.Count < LingerBelow)
            {
                Thread.Sleep(Linger);
            }

            // The writer's own thread may block: nothing else runs on it.
            using (gate.Enter())
            {
                var batch = new List<PendingBooking>(MaxBatch);
                while (batch.Count < MaxBatch && _pending.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                _lastBatch = batch.Count;
                BookingWriterMetrics.BatchSize.Record(batch.Count);
                // SQLite's calls complete synchronously, so the batch normally runs on this thread from start to end.
                WriteBatchAsync(batch).GetAwaiter().GetResult();
            }
        }
    }

    private async Task WriteBatchAsync(List<PendingBooking> batch)
    {
        if (batch.Count > 1)
        {
            try
            {
                var results = await TryWriteTogetherAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }

                return;
            }
#pragma warning disable CA1031 // Whatever went wrong is rolled back; each booking is then tried alone and owns its failure.
            catch (Exception)
#pragma warning restore CA1031
            {
                // Fall through and write each one alone, so one bad apple refuses only itself.
            }
        }

        foreach (var job in batch)
        {
            try
            {
                job.Completion.TrySetResult(await WriteAloneAsync(job));
            }
#pragma warning disable CA1031 // The failure belongs to the caller who is waiting for this booking: hand it over.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                job.Completion.TrySetException(ex);
            }
        }
    }

    private async Task<List<Outcome<BookingResult>>> TryWriteTogetherAsync(List<PendingBooking> batch)
    {
        await using var db = await NewWriteContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var staged = new List<(Booking? Booking, int? Position, string? ManageToken)>(batch.Count);
        var seen = new HashSet<(int, string)>();
        var waitingInBatch = new List<(int EventId, long Rank, Attendance Attendance)>();
        foreach (var job in batch)
        {
            if (!seen.Add((job.EventId, job.NormalisedEmail)))
            {
                staged.Add((null, null, null)); // The same person twice in one batch: the second is refused below.
                continue;
            }

            var ahead = waitingInBatch.Count(w => w.EventId == job.EventId && w.Rank <= job.NowUtc.Ticks && w.Attendance == job.Kind.Attendance);
            var (booking, position, token) = await StageAsync(db, job, ahead);
            if (booking.Status == BookingStatus.Waiting)
            {
                waitingInBatch.Add((job.EventId, booking.WaitlistRank, job.Kind.Attendance));
            }

            staged.Add((booking, position, token));
        }

        await db.SaveChangesAsync();
        foreach (var eventId in waitingInBatch.Select(w => w.EventId).Distinct())
        {
            await WaitingPeak.RaiseAsync(db, eventId, CancellationToken.None);
        }

        await tx.CommitAsync();
        return staged.Select(s => s.Booking is null ? Outcome<BookingResult>.Refused(BookingErrors.AlreadyBooked) : Written(s.Booking, s.ManageToken!, s.Position)).ToList();
    }

    private async Task<Outcome<BookingResult>> WriteAloneAsync(PendingBooking job)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await NewWriteContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            var (booking, position, token) = await StageAsync(db, job, waitingAheadInBatch: 0);
            try
            {
                await db.SaveChangesAsync();
                if (booking.Status == BookingStatus.Waiting)
                {
                    await WaitingPeak.RaiseAsync(db, job.EventId, CancellationToken.None);
                }

                await tx.CommitAsync();
                return Written(booking, token, position);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                await tx.RollbackAsync();
                if (ex.InnerException?.Message.Contains(nameof(Booking.PriorityTokenHash), StringComparison.Ordinal) == true)
                {
                    return Outcome<BookingResult>.Refused(BookingErrors.PriorityLinkUsed);
                }

                if (ex.InnerException?.Message.Contains(nameof(Booking.NormalisedEmail), StringComparison.Ordinal) == true || attempt >= 2)
                {
                    return Outcome<BookingResult>.Refused(BookingErrors.AlreadyBooked);
                }

                // A reference or token collided (vanishingly rare): try again with new ones.
            }
        }
    }

    /// <summary>
    /// A context that only adds: every entity the writer saves is new (places are taken by plain updates, the ticket
    /// type comes with the job), so EF need not compare every tracked entity with its snapshot before the save and again
    /// when the save's interceptor lists them. A pooled context is reset to the default when it goes back.
    /// </summary>
    private async Task<EventHubDbContext> NewWriteContextAsync()
    {
        var db = await dbFactory.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    /// <summary>Takes the places (conditional updates) and adds the booking and its message to the context, unsaved.</summary>
    private static async Task<(Booking Booking, int? Position, string ManageToken)> StageAsync(EventHubDbContext db, PendingBooking job, int waitingAheadInBatch)
    {
        var form = job.Form;
        var status = job.Status;
        if (status is BookingStatus.Confirmed or BookingStatus.Held && await Places.TryTakeAsync(db, job.EventId, form.TicketTypeId, job.Kind.Attendance, job.NowUtc, CancellationToken.None) != TakeResult.Taken)
        {
            // Someone took the last place between our snapshot and now: the conditional update said no.
            status = BookingStatus.Waiting;
        }

        var booking = NewBooking(job.EventId, form, job.NormalisedEmail, status, job.NowUtc, job.Questions);
        booking.PriorityTokenHash = job.PriorityTokenHash;
        booking.OfferExpiresUtc = status == BookingStatus.Held ? job.HeldUntilUtc : null;
        if (status is BookingStatus.Confirmed or BookingStatus.Held)
        {
            foreach (var sessionId in job.SessionIds)
            {
                var took = await Places.TryTakeSessionAsync(db, sessionId, CancellationToken.None);
                booking.Sessions.Add(new SessionBooking
                {
                    SessionId = sessionId,
                    Status = took ? SessionBookingStatus.Confirmed : SessionBookingStatus.Waiting,
                    WaitlistRank = took ? 0 : job.NowUtc.Ticks,
                    CreatedUtc = job.NowUtc,
                });
            }
        }

        db.Add(booking);

        int? position = null;
        if (status == BookingStatus.Waiting)
        {
            // Unsaved bookings earlier in this batch are not in the count yet: the caller counts those ahead of this one.
            // With online places each kind has its own list (WaitlistPositions); without, one plain count.
            position = await (job.HasOnlinePlaces
                ? WaitlistPositions.AheadOfNewAsync(db, job.EventId, booking.WaitlistRank, job.Kind.Attendance, CancellationToken.None)
                : WaitingAhead.For(db)(db, job.EventId, booking.WaitlistRank, CancellationToken.None)) + waitingAheadInBatch + 1;
        }

        var token = Lifecycle.Message(db, status switch
        {
            BookingStatus.Confirmed => BookingTemplates.BookingConfirmed,
            BookingStatus.Held => BookingTemplates.PlaceHeld,
            BookingStatus.AwaitingApproval => BookingTemplates.RequestReceived,
            _ => BookingTemplates.WaitlistJoined,
        }, booking, job.NowUtc, position, kind: job.Kind);
        return (booking, position, token);
    }

    private static Outcome<BookingResult> Written(Booking booking, string manageToken, int? position) =>
        Outcome<BookingResult>.Ok(new BookingResult(booking.Id, booking.Reference, manageToken, booking.Status, position,
            booking.Status == BookingStatus.Confirmed ? booking.CheckInCode : null));

    internal static Booking NewBooking(int eventId, BookingForm form, string normalised, BookingStatus status, DateTime now, IReadOnlyList<RegistrationQuestion> questions)
    {
        var booking = new Booking
        {
            EventId = eventId,
            TicketTypeId = form.TicketTypeId,
            Reference = BookingReferences.New(),
            CheckInCode = SecureTokens.New(16),
            Name = form.Name.Trim(),
            Email = form.Email.Trim(),
            NormalisedEmail = normalised,
            Organisation = form.Organisation.Trim(),
            JobTitle = form.JobTitle.Trim(),
            DietaryNeeds = form.DietaryNeeds.Trim(),
            AccessNeeds = form.AccessNeeds.Trim(),
            Status = status,
            WaitlistRank = status == BookingStatus.Waiting ? now.Ticks : 0,
            CreatedUtc = now,
            UpdatedUtc = now,
            ConsentUtc = form.PrivacyConsent ? now : null,
        };
        booking.Answers.AddRange(ToAnswers(form.Answers, questions));
        return booking;
    }

    /// <summary>The answers worth keeping: to questions of the event, not blank, trimmed.</summary>
    internal static IEnumerable<BookingAnswer> ToAnswers(Dictionary<int, string> answers, IReadOnlyList<RegistrationQuestion> questions) =>
        questions.Where(q => answers.TryGetValue(q.Id, out var v) && !string.IsNullOrWhiteSpace(v))
            .Select(q => new BookingAnswer { QuestionId = q.Id, Value = answers[q.Id].Trim() });
}
