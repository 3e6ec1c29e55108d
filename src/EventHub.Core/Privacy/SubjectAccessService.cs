using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.MailingLists;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Privacy;

/// <summary>
/// Subject access and erasure for administrators: find everything held about an email address, and erase it
/// everywhere in one action. Erasure cancels any place the person holds through the ordinary path (so it goes to the
/// waiting list), anonymises what must stay for the figures, deletes the rest and their mail, and records in each
/// event's audit log that an erasure happened and why, without the person's details.
/// </summary>
public sealed class SubjectAccessService(
    IDbContextFactory<EventHubDbContext> dbFactory,
    DbDialect dialect,
    TimeProvider clock,
    BookingWriteGate gate,
    IOptions<EmailOptions>? email = null)
{
    public async Task<Outcome<PersonData>> FindAsync(Actor actor, string? emailAddress, CancellationToken ct = default)
    {
        if (Check(actor, emailAddress) is { } refused)
        {
            return refused.As<PersonData>();
        }

        var address = EmailAddresses.Normalise(emailAddress);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Outcome<PersonData>.Ok(await PersonRecords.GatherAsync(db, address, clock.GetUtcNow().UtcDateTime, ct));
    }

    /// <summary>Erases the person everywhere. The reason goes into the audit log, so it should not repeat their details.</summary>
    public async Task<Outcome<ErasureReceipt>> EraseAsync(Actor actor, string? emailAddress, string? reason, CancellationToken ct = default)
    {
        if (Check(actor, emailAddress) is { } refused)
        {
            return refused.As<ErasureReceipt>();
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<ErasureReceipt>.Refused(PrivacyErrors.EnterReason, "Reason");
        }

        if (reason.Trim().Length > PrivacyErrors.MaxReasonLength)
        {
            return Outcome<ErasureReceipt>.Refused(PrivacyErrors.ReasonTooLong(reason.Trim().Length), "Reason");
        }

        var address = EmailAddresses.Normalise(emailAddress);
        var receipt = await EraseCoreAsync(actor, address, null, reason.Trim(), ct);
        return receipt.Bookings + receipt.OtherRecords == 0
            ? Outcome<ErasureReceipt>.Refused(PrivacyErrors.NothingHeld)
            : Outcome<ErasureReceipt>.Ok(receipt);
    }

    /// <summary>The booking a manage link leads to, for the page that asks the person to confirm; null for a link that is not valid.</summary>
    public async Task<OwnBookingView?> GetOwnBookingAsync(string? manageToken, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(manageToken) || manageToken.Length > 64)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var x = await db.Set<Booking>().AsNoTracking().WithManageToken(db, manageToken)
            .Join(db.Events, b => b.EventId, e => e.Id, (b, e) => new { e.Title, e.StartUtc, e.EndUtc, e.TimeZoneId, b.Name, b.Status })
            .FirstOrDefaultAsync(ct);
        return x is null ? null : new OwnBookingView(x.Title, EventTime.FormatRange(x.StartUtc, x.EndUtc, x.TimeZoneId), x.Name, x.Status);
    }

    /// <summary>
    /// An attendee deletes their own booking and details from their manage link, now: the place goes to the waiting
    /// list and everything held about them for that event is erased as an administrator's erasure would (their series
    /// lists and polls are theirs to leave separately). The manage link stops working.
    /// </summary>
    public async Task<Outcome<ErasureReceipt>> EraseOwnBookingAsync(string? manageToken, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(manageToken) || manageToken.Length > 64)
        {
            return Outcome<ErasureReceipt>.NotFound(CommonRefusals.LinkNotValid);
        }

        int eventId;
        string address;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var booking = await db.Set<Booking>().AsNoTracking().WithManageToken(db, manageToken)
                .Select(b => new { b.EventId, b.NormalisedEmail }).FirstOrDefaultAsync(ct);
            if (booking is null)
            {
                return Outcome<ErasureReceipt>.NotFound(CommonRefusals.LinkNotValid);
            }

            (eventId, address) = (booking.EventId, booking.NormalisedEmail);
        }

        return Outcome<ErasureReceipt>.Ok(await EraseCoreAsync(Attendee, address, eventId, "asked from their booking's manage link", ct));
    }

    /// <summary>
    /// The erasure itself, for an address everywhere or (with <paramref name="onlyEventId"/>) within one event, where
    /// series lists and polls are left alone. One transaction; then the freed space is purged.
    /// </summary>
    internal async Task<ErasureReceipt> EraseCoreAsync(Actor actor, string address, int? onlyEventId, string reason, CancellationToken ct)
    {
        ErasureReceipt receipt;
        using (await gate.EnterAsync(ct))
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var theirs = db.Set<Booking>().Where(b => b.NormalisedEmail == address && (onlyEventId == null || b.EventId == onlyEventId));
            var live = await theirs.Include(b => b.TicketType)
                .Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Offered || b.Status == BookingStatus.Held
                    || b.Status == BookingStatus.Waiting || b.Status == BookingStatus.AwaitingApproval)
                .ToListAsync(ct);
            var placesFreed = live.Count(b => b.HoldsPlace);
            var phones = await PersonPhones.GatherAsync(db, theirs, address, onlyEventId, ct);
            foreach (var booking in live)
            {
                // The ordinary cancel: frees the place and offers it to the first person waiting. Its message to
                // this person is erased with the rest of their mail below.
                await Lifecycle.EndAsync(db, booking, BookingStatus.Cancelled, BookingTemplates.BookingCancelled, null, now, ct);
            }

            var named = await theirs.Select(b => new { b.EventId, b.Name }).ToListAsync(ct);
            var eventIds = named.Select(n => n.EventId).Distinct().ToList();
            var traces = await PersonalDataScrub.AnonymiseBookingsAsync(db, theirs, now, ct);
            var other = 0;
            foreach (var n in named)
            {
                var lowered = n.Name.ToLower();
                other += await db.Set<WriteUp>().Where(w => w.EventId == n.EventId && w.AuthorName.ToLower() == lowered)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.AuthorName, Anonymiser.UncreditedAuthor), ct);
            }

            var sessions = db.Sessions.Where(s => onlyEventId == null || s.EventId == onlyEventId).Select(s => s.Id);
            other += await db.Set<InterestMark>().Where(i => i.Email == address && sessions.Contains(i.SessionId))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Name, PersonalDataScrub.AnonymisedName)
                    .SetProperty(i => i.Email, i => "anonymised-" + i.Id.ToString()), ct);
            other += await db.Set<Proposal>().Where(p => p.ConvenerEmail == address && (onlyEventId == null || p.EventId == onlyEventId))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ConvenerEmail, (string?)null).SetProperty(p => p.ProposedBy, "")
                    .SetProperty(p => p.ConvenerName, PersonalDataScrub.AnonymisedName), ct);
            // Their address as others typed it into notes, write-ups, proposals, feedback and booking answers.
            other += await FreeTextScrub.RedactAddressAsync(db, address, onlyEventId, ct);
            // The phone numbers they gave us, however others wrote them.
            other += await FreeTextScrub.RedactPhonesAsync(db, phones, onlyEventId, ct);
            other += await db.Set<PriorityGrant>().Where(g => g.Email == address && (onlyEventId == null || g.EventId == onlyEventId)).ExecuteDeleteAsync(ct);
            if (onlyEventId is null)
            {
                other += await db.Set<ListSubscription>().Where(s => s.Email == address).ExecuteDeleteAsync(ct);
                // A vote still waiting for its confirm link never counted: it goes, with the link.
                other += await db.Set<PollVoter>().Where(v => v.Email == address && v.Pending).ExecuteDeleteAsync(ct);
                var voters = db.Set<PollVoter>().Where(v => v.Email == address);
                other += await db.Set<PollPriorityToken>().Where(t => t.VoterId != null && voters.Select(v => v.Id).Contains(t.VoterId.Value)).ExecuteDeleteAsync(ct);
                var voterRows = await voters.ToListAsync(ct);
                foreach (var voter in voterRows)
                {
                    voter.Name = PersonalDataScrub.AnonymisedName;
                    voter.Email = null;
                    voter.EditTokenHash = SecureTokens.Hash(SecureTokens.New()); // the old link stops working
                }

                other += voterRows.Count;
            }

            var pickup = email?.Value is { UsesPickupFolder: true } options ? options.PickupFolder : null;
            other += await PersonalDataScrub.EraseMailAsync(db,
                db.Set<OutboxMessage>().Where(m => m.ToEmail.ToLower() == address && (onlyEventId == null || m.EventId == onlyEventId)), pickup, ct);
            await PersonalDataScrub.ScrubAuditAsync(db, eventIds, traces, ct);
            foreach (var eventId in eventIds)
            {
                BookingAuditLog.Add(db, actor, eventId, null, "erased", $"Erased a person's details on request: {reason}", now);
            }

            // The security log too, also when the person had no booking (only a list sign-up or a poll vote): counts
            // and the reason, never the address.
            SecurityAudit.Add(db, SecurityAction.PersonErased, actor,
                $"Erased a person's data {(onlyEventId is null ? "everywhere" : "for one event")}: {named.Count} booking(s), {placesFreed} place(s) freed, {other} other record(s). Reason: {reason}",
                now, onlyEventId);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            receipt = new ErasureReceipt(named.Count, placesFreed, other);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await dialect.PurgeFreedSpaceAsync(db, ct);
        }

        return receipt;
    }

    /// <summary>Who the audit log names when a person erases their own booking.</summary>
    private static Actor Attendee { get; } = new(null, "The attendee", false, false);

    private static Outcome<bool>? Check(Actor actor, string? emailAddress)
    {
        if (!actor.IsAdministrator && !(actor.IsOrganiser && actor.CanAnswerDataRequests))
        {
            return Outcome<bool>.Forbidden(PrivacyErrors.DataRequestsOnly);
        }

        return EmailAddresses.IsValid(emailAddress) ? null : Outcome<bool>.Refused(PrivacyErrors.EnterEmail, "Email");
    }
}
