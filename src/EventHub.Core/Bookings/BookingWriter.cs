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
    private readonly ConcurrentQueue<PendingBooking> _pending = new();
    private int _draining;

    public async Task<Outcome<BookingResult>> WriteAsync(PendingBooking job)
    {
        if (!gate.Queues)
        {
            return await WriteAloneAsync(job);
        }

        _pending.Enqueue(job);
        StartDrainIfIdle();
        // Not cancellable: once queued, the booking is written by the drain, so the caller's wait must end with a
        // real answer.
        return await job.Completion.Task;
    }

    private void StartDrainIfIdle()
    {
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            // Not inline: the SQLite calls complete synchronously, so this request would wait for everyone else's
            // bookings. Not on the thread pool either: under load its queue holds a thousand requests (measured in the
            // rush), and a drain queued behind them started hundreds of milliseconds late, every time the queue ran dry.
            new Thread(Drain) { IsBackground = true, Name = "Booking writer" }.UnsafeStart();
        }
    }

    /// <summary>
    /// The one drain at a time, on its own thread: it takes the gate once per batch and writes whatever has queued
    /// meanwhile. Bookers never wait on the gate themselves. They used to, and under HTTP load each batch then cost a
    /// thread-pool hop per booking: the gate passed, one hop at a time, through every waiter whose booking the batch
    /// had already written, and each hop queued behind the web requests waiting for a thread (a thousand of them in
    /// the rush of 2026-12-01; see docs/benchmarks.md).
    /// </summary>
    private void Drain()
    {
        try
        {
            // SQLite's calls complete synchronously, so the whole drain normally runs on this thread.
            DrainAsync().GetAwaiter().GetResult();
        }
#pragma warning disable CA1031 // Its own thread: anything thrown would end the process. The bookers waiting get the failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            while (_pending.TryDequeue(out var job))
            {
                job.Completion.TrySetException(ex);
            }

            Volatile.Write(ref _draining, 0);
            if (!_pending.IsEmpty)
            {
                StartDrainIfIdle();
            }
        }
    }

    private async Task DrainAsync()
    {
        do
        {
            while (!_pending.IsEmpty)
            {
                using (await gate.EnterAsync(CancellationToken.None))
                {
                    var batch = new List<PendingBooking>(MaxBatch);
                    while (batch.Count < MaxBatch && _pending.TryDequeue(out var next))
                    {
                        batch.Add(next);
                    }

                    await WriteBatchAsync(batch);
                }
            }

            Volatile.Write(ref _draining, 0);
        }
        // A booking queued after the last look but before the flag was cleared found the drain still running: take it.
        while (!_pending.IsEmpty && Interlocked.CompareExchange(ref _draining, 1, 0) == 0);
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
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var staged = new List<(Booking? Booking, int? Position, string? ManageToken)>(batch.Count);
        var seen = new HashSet<(int, string)>();
        var waitingInBatch = new List<(int EventId, long Rank)>();
        foreach (var job in batch)
        {
            if (!seen.Add((job.EventId, job.NormalisedEmail)))
            {
                staged.Add((null, null, null)); // The same person twice in one batch: the second is refused below.
                continue;
            }

            var ahead = waitingInBatch.Count(w => w.EventId == job.EventId && w.Rank <= job.NowUtc.Ticks);
            var (booking, position, token) = await StageAsync(db, job, ahead);
            if (booking.Status == BookingStatus.Waiting)
            {
                waitingInBatch.Add((job.EventId, booking.WaitlistRank));
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
            await using var db = await dbFactory.CreateDbContextAsync();
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

    /// <summary>Takes the places (conditional updates) and adds the booking and its message to the context, unsaved.</summary>
    private static async Task<(Booking Booking, int? Position, string ManageToken)> StageAsync(EventHubDbContext db, PendingBooking job, int waitingAheadInBatch)
    {
        var form = job.Form;
        var status = job.Status;
        if (status is BookingStatus.Confirmed or BookingStatus.Held && await Places.TryTakeAsync(db, job.EventId, form.TicketTypeId, job.NowUtc, CancellationToken.None) != TakeResult.Taken)
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
        if (form.TicketTypeId is { } tid)
        {
            booking.TicketType = await db.Set<TicketType>().FindAsync(tid);
        }

        int? position = null;
        if (status == BookingStatus.Waiting)
        {
            // Unsaved bookings earlier in this batch are not in the count yet: the caller counts those ahead of this one.
            position = await db.Set<Booking>().CountAsync(x => x.EventId == job.EventId && x.Status == BookingStatus.Waiting && x.WaitlistRank <= booking.WaitlistRank)
                + waitingAheadInBatch + 1;
        }

        var token = Lifecycle.Message(db, status switch
        {
            BookingStatus.Confirmed => BookingTemplates.BookingConfirmed,
            BookingStatus.Held => BookingTemplates.PlaceHeld,
            BookingStatus.AwaitingApproval => BookingTemplates.RequestReceived,
            _ => BookingTemplates.WaitlistJoined,
        }, booking, job.NowUtc, position);
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
