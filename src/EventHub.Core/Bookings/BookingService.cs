using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Bookings;

/// <summary>The attendee's use cases: book, and have their link sent again (what the manage link allows is in <c>BookingService.ManageLink.cs</c>).</summary>
public sealed partial class BookingService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate, PriorityAccess? priorityAccess = null,
    UnrequestedMail? unrequested = null, IOptions<BookingOptions>? options = null, BookingSetupCache? setup = null,
    DeliveryYield? deliveryYield = null)
{
    /// <summary>
    /// What changes from one booking to the next, in one round trip: the event's row, whether the address has booked,
    /// and the chosen ticket type's places taken (null when it is not the event's). Compiled once per model
    /// (<see cref="CompiledPerModel{TQuery}"/>).
    /// </summary>
    private static readonly CompiledPerModel<Func<EventHubDbContext, int, string, int, CancellationToken, Task<LiveEvent?>>> LiveQueries = new(
        () => EF.CompileAsyncQuery(
            (EventHubDbContext c, int id, string email, int typeId, CancellationToken token) => c.Set<Event>().AsNoTracking()
                .Where(e => e.Id == id)
                .Select(e => new LiveEvent
                {
                    CreatedUtc = e.CreatedUtc,
                    Status = e.Status,
                    StartUtc = e.StartUtc,
                    TimeZoneId = e.TimeZoneId,
                    BookingOpensUtc = e.BookingOpensUtc,
                    BookingClosesUtc = e.BookingClosesUtc,
                    Capacity = e.Capacity,
                    PlacesTaken = e.PlacesTaken,
                    AlreadyBooked = c.Set<Booking>().Any(b => b.EventId == e.Id && b.NormalisedEmail == email
                        && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined),
                    TicketPlacesTaken = c.Set<TicketType>().Where(t => t.Id == typeId && t.EventId == e.Id).Select(t => (int?)t.PlacesTaken).FirstOrDefault(),
                })
                .FirstOrDefault()));

    private static Task<LiveEvent?> LiveQuery(EventHubDbContext db, int eventId, string normalised, int ticketTypeId, CancellationToken ct) =>
        LiveQueries.For(db)(db, eventId, normalised, ticketTypeId, ct);

    private readonly BookingSetupCache _setup = setup ?? BookingSetupCache.Uncached;
    private readonly BookingOptions _options = options?.Value ?? new BookingOptions();
    private readonly PriorityAccess _priority = priorityAccess ?? PriorityAccess.None;
    private readonly UnrequestedMail _unrequested = unrequested ?? UnrequestedMail.Default;
    private readonly BookingWriter _writer = new(dbFactory, gate);

    /// <summary>
    /// A visitor books. When the address already has an active booking for the event, nothing is booked and the
    /// owner of the address is sent their own link (counted as unrequested mail); the refusal is
    /// <see cref="BookingErrors.AlreadyBooked"/>, which the public page must answer exactly as it answers a new
    /// booking, so nobody learns from the form whether an address has booked.
    /// </summary>
    /// <remarks>The outcome says whether the event holds places until the address is confirmed, on a booking and on
    /// "already booked" alike, so the page can word both the same way.</remarks>
    public async Task<BookingOutcome> BookAsync(BookingRequest request, CancellationToken ct = default)
    {
        // Mail delivery waits while people book (it renders QR codes and invites on the same cores).
        deliveryYield?.Busy();
        var outcome = await BookCoreAsync(request, byOrganiser: false, ct);
        if (outcome.ErrorCode == BookingErrors.AlreadyBooked.Code)
        {
            await ResendLinkAsync(request.EventId, request.Form.Email, ct);
        }

        return outcome;
    }

    /// <summary>Shared with organisers adding someone by hand (who skip opening times, eligibility and consent).</summary>
    internal async Task<BookingOutcome> BookCoreAsync(BookingRequest request, bool byOrganiser, CancellationToken ct)
    {
        var form = request.Form;
        var normalised = EmailAddresses.Normalise(form.Email);
        AllocationSnapshot? snapshot = null;
        IReadOnlyList<RegistrationQuestion> questions;
        List<int> sessionIds;
        var hasOnline = false;
        PlaceKind kind;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            // Every read on one connection: in a rush, taking one from SQLite's pool and giving it back for each read
            // queued every request on the pool's lock (docs/benchmarks.md, round 7).
            await read.Database.OpenConnectionAsync(ct);
            // One compiled query for what changes from booking to booking; the set-up (settings, questions, ticket
            // types) comes from this node's cache (docs/benchmarks.md, round 8).
            var live = await LiveQuery(read, request.EventId, normalised, form.TicketTypeId ?? 0, ct);
            var setup = live is null ? null : await _setup.GetAsync(read, request.EventId, live.CreatedUtc, ct);
            questions = setup?.Questions ?? [];
            var offered = setup?.TicketTypes.Count(t => byOrganiser || !t.Hidden) ?? 0;
            var errors = BookingRules.Validate(form, questions, offered, requireConsent: !byOrganiser);
            if (errors.Count > 0)
            {
                return Answer(Outcome<BookingResult>.Invalid(errors));
            }

            if (live is null || setup is null)
            {
                return Answer(Outcome<BookingResult>.Refused(BookingErrors.NotAvailable));
            }

            var type = form.TicketTypeId is { } typeId ? setup.TicketTypes.FirstOrDefault(t => t.Id == typeId) : null;
            hasOnline = setup.TicketTypes.Any(t => t.Attendance == Attendance.Online);
            kind = type is null ? default : new PlaceKind(type.Name, type.Attendance);
            snapshot = new AllocationSnapshot
            {
                EventStatus = live.Status,
                EventStartUtc = live.StartUtc,
                TimeZoneId = live.TimeZoneId,
                BookingOpensUtc = live.BookingOpensUtc,
                BookingClosesUtc = live.BookingClosesUtc,
                Capacity = live.Capacity,
                PlacesTaken = live.PlacesTaken,
                HasTicketTypes = setup.TicketTypes.Count > 0,
                TicketTypesOffered = offered,
                AlreadyBooked = live.AlreadyBooked,
                HasOwnSettings = setup.HasOwnSettings,
                Settings = setup.Settings,
                // The type's places taken is read live; a type created since the set-up was cached is not offered yet.
                Ticket = type is null || live.TicketPlacesTaken is not { } taken ? null
                    : new TicketSnapshot(type.Id, type.Quota, taken, type.Hidden, type.SecretToken, type.Attendance),
            };
            sessionIds = form.SessionIds.Distinct().ToList();
            if (sessionIds.Count > 0
                && await read.Set<Session>().CountAsync(s => s.EventId == request.EventId && sessionIds.Contains(s.Id), ct) != sessionIds.Count)
            {
                return Answer(Outcome<BookingResult>.Invalid(nameof(BookingForm.SessionIds), BookingErrors.SessionUnavailable.Message));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // The token is looked up only while booking is not open to everyone, so ordinary bookings pay nothing for it.
        var priority = !byOrganiser && snapshot.BookingOpensUtc is { } opens && now < opens
            ? await _priority.ClaimAsync(request.EventId, form.PriorityToken, ct, form.Email)
            : PriorityClaim.None;
        if (priority == PriorityClaim.OtherEmail)
        {
            return Answer(Outcome<BookingResult>.Invalid(nameof(BookingForm.Email), BookingErrors.PriorityLinkOtherEmail.Message));
        }

        var decision = Allocator.Decide(snapshot, new AllocationRequest(form.Email, form.TicketTypeId, form.TicketSecret, byOrganiser, priority), now);
        if (decision.Refusal is { } refusal)
        {
            if (refusal == BookingErrors.NotEligible)
            {
                // The email field is what is wrong: say there which addresses may book.
                return Answer(Outcome<BookingResult>.Refused(BookingErrors.NotEligibleAddress(EligibilityNotice.Addresses(snapshot.Settings)), nameof(BookingForm.Email)));
            }

            // A visitor kept out by the opening times is told when they open, in the event's zone.
            var opening = BookingOpening.Decide(snapshot.BookingOpensUtc, snapshot.Settings.PriorityOpensUtc, priority, now);
            return Answer(Outcome<BookingResult>.Refused(refusal == BookingErrors.For(opening)
                ? BookingErrors.NotOpen(opening, BookingOpening.Message(opening, snapshot.BookingOpensUtc, snapshot.Settings.PriorityOpensUtc, snapshot.TimeZoneId))
                : refusal));
        }

        // An event that holds places until the address is confirmed: a visitor's place is only held for now.
        var hold = !byOrganiser && snapshot.Settings.HoldUntilEmailConfirmed;
        var status = decision.Decision switch
        {
            AllocationDecision.Confirmed when hold => BookingStatus.Held,
            AllocationDecision.Confirmed => BookingStatus.Confirmed,
            AllocationDecision.PendingApproval => BookingStatus.AwaitingApproval,
            _ => BookingStatus.Waiting,
        };
        // A link that let someone in early is recorded on the booking: a unique index makes it book once, in the
        // same transaction that takes the place.
        var priorityHash = priority == PriorityClaim.Valid ? SecureTokens.Hash(form.PriorityToken!.Trim()) : null;
        return Answer(await _writer.WriteAsync(new PendingBooking(request.EventId, form, normalised, status, now, questions, sessionIds, priorityHash,
            status == BookingStatus.Held ? now.Add(_options.Hold) : null, kind, hasOnline)));

        // Said on every outcome; the page needs it on a booking and on "already booked" (the settings are read by then).
        BookingOutcome Answer(Outcome<BookingResult> outcome) =>
            BookingOutcome.Of(outcome, !byOrganiser && snapshot?.Settings.HoldUntilEmailConfirmed == true);
    }

    /// <summary>
    /// Sends the address's active booking its link again (a held booking its hold mail). Always answers the same, whether or not the address has a
    /// booking, so it reveals nothing; counted as unrequested mail, since anyone can type any address.
    /// </summary>
    public async Task ResendLinkAsync(int eventId, string email, CancellationToken ct = default)
    {
        var normalised = EmailAddresses.Normalise(email);
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Set<Booking>().Include(x => x.TicketType)
            .FirstOrDefaultAsync(x => x.EventId == eventId && x.NormalisedEmail == normalised
                && x.Status != BookingStatus.Cancelled && x.Status != BookingStatus.Declined, ct);
        if (b is null)
        {
            return;
        }

        // A held place is not the person's yet: they get the hold's own mail again (confirm to keep it, and by when).
        var now = clock.GetUtcNow().UtcDateTime;
        var template = b.Status == BookingStatus.Held ? BookingTemplates.PlaceHeld : BookingTemplates.BookingLinkResent;
        if (await _unrequested.TryEnqueueAsync(db, template, b.Email, Lifecycle.Payload(db, template, b, now), now, b.EventId, ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    public async Task<Outcome<bool>> UpdateAnswersAsync(string token, Dictionary<int, string> answers, string dietaryNeeds, string accessNeeds, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var b = await db.Set<Booking>().Include(x => x.Answers).WithManageToken(db, token).FirstOrDefaultAsync(ct);
        if (b is null)
        {
            return Outcome<bool>.Refused(BookingErrors.InvalidLink);
        }

        if (b.Status is BookingStatus.Cancelled or BookingStatus.Declined)
        {
            return Outcome<bool>.Refused(BookingErrors.WrongState);
        }

        var questions = await db.Set<RegistrationQuestion>().AsNoTracking().Where(q => q.EventId == b.EventId).ToListAsync(ct);
        var errors = BookingRules.ValidateAnswers(answers, questions).Concat(BookingRules.ValidateNeeds(dietaryNeeds, accessNeeds)).ToList();

        if (errors.Count > 0)
        {
            return Outcome<bool>.Invalid(errors);
        }

        b.Answers.Clear();
        b.Answers.AddRange(BookingWriter.ToAnswers(answers, questions));
        b.DietaryNeeds = dietaryNeeds.Trim();
        b.AccessNeeds = accessNeeds.Trim();
        b.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The row <see cref="LiveQuery"/> reads.</summary>
    private sealed class LiveEvent
    {
        public DateTime CreatedUtc { get; init; }

        public EventStatus Status { get; init; }

        public DateTime StartUtc { get; init; }

        public string TimeZoneId { get; init; } = EventTime.DefaultTimeZoneId;

        public DateTime? BookingOpensUtc { get; init; }

        public DateTime? BookingClosesUtc { get; init; }

        public int Capacity { get; init; }

        public int PlacesTaken { get; init; }

        public bool AlreadyBooked { get; init; }

        public int? TicketPlacesTaken { get; init; }
    }
}
