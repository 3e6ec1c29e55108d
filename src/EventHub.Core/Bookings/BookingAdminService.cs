using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

public sealed record AttendeeQuery(int EventId, string? Search = null, BookingStatus? Status = null, int? TicketTypeId = null, int Page = 0, int PageSize = 25);

public sealed record AttendeeRow(
    int Id, string Reference, string Name, string Email, string Organisation, string JobTitle, string? TicketTypeName,
    BookingStatus Status, DateTime CreatedUtc, DateTime? OfferExpiresUtc, bool NeedsAttention, long WaitlistRank);

public sealed record AttendeeCounts(int Capacity, int PlacesTaken, int Confirmed, int Offered, int Waiting, int AwaitingApproval, int Cancelled);

/// <summary>The organiser's use cases on bookings. Every change is written to the audit log with who did it.</summary>
public sealed partial class BookingAdminService(
    IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate, BookingService bookings)
{
    public async Task<PagedResult<AttendeeRow>> ListAsync(Actor actor, AttendeeQuery query, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<Booking>().AsNoTracking().Where(b => b.EventId == query.EventId);
        if (query.Status is { } status)
        {
            rows = rows.Where(b => b.Status == status);
        }

        if (query.TicketTypeId is { } typeId)
        {
            rows = rows.Where(b => b.TicketTypeId == typeId);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            rows = rows.Where(b => b.Name.ToLower().Contains(term) || b.NormalisedEmail.Contains(term)
                || b.Organisation.ToLower().Contains(term) || b.Reference.ToLower().Contains(term));
        }

        var total = await rows.CountAsync(ct);
        var (skip, take) = Paging.Window(query.Page, query.PageSize);
        var ordered = query.Status == BookingStatus.Waiting
            ? rows.OrderBy(b => b.WaitlistRank).ThenBy(b => b.Id)
            : rows.OrderBy(b => b.Name).ThenBy(b => b.Id);
        var items = await ordered.Skip(skip).Take(take)
            .Select(b => new AttendeeRow(b.Id, b.Reference, b.Name, b.Email, b.Organisation, b.JobTitle,
                b.TicketType != null ? b.TicketType.Name : null, b.Status, b.CreatedUtc, b.OfferExpiresUtc,
                b.DietaryNeeds != "" || b.AccessNeeds != "", b.WaitlistRank))
            .ToListAsync(ct);
        return new PagedResult<AttendeeRow>(items, total, query.Page, take);
    }

    public async Task<AttendeeCounts> CountsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Set<Event>().AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.Capacity, e.PlacesTaken }).FirstAsync(ct);
        var byStatus = await db.Set<Booking>().Where(b => b.EventId == eventId).GroupBy(b => b.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Get(BookingStatus s) => byStatus.TryGetValue(s, out var n) ? n : 0;
        return new AttendeeCounts(ev.Capacity, ev.PlacesTaken, Get(BookingStatus.Confirmed), Get(BookingStatus.Offered),
            Get(BookingStatus.Waiting), Get(BookingStatus.AwaitingApproval), Get(BookingStatus.Cancelled) + Get(BookingStatus.Declined));
    }

    public async Task<Outcome<BookingResult>> AddByHandAsync(Actor actor, int eventId, BookingForm form, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<BookingResult>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        var result = await bookings.BookCoreAsync(new BookingRequest(eventId, form), byOrganiser: true, ct);
        if (result.Succeeded)
        {
            await AuditAsync(actor, eventId, result.Value!.BookingId, "added", $"Added {form.Name.Trim()} by hand ({result.Value.Status})", ct);
        }

        return result;
    }

    /// <summary>Approving takes a place, or a place on the waiting list when the event is full.</summary>
    public Task<Outcome<BookingStatus>> ApproveAsync(Actor actor, int bookingId, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.AwaitingApproval], "approved", async (db, b, now) =>
        {
            var took = await Places.TryTakeAsync(db, b.EventId, b.TicketTypeId, ct) == TakeResult.Taken;
            b.Status = took ? BookingStatus.Confirmed : BookingStatus.Waiting;
            b.WaitlistRank = took ? 0 : now.Ticks;
            b.UpdatedUtc = now;
            int? position = took ? null : await Lifecycle.PositionAsync(db, b.EventId, b.WaitlistRank, b.Id, ct);
            Lifecycle.Message(db, EmailTemplates.RequestApproved, b, now, position);
            await db.SaveChangesAsync(ct);
            return $"Approved {b.Name}" + (took ? string.Empty : " (event full: put on the waiting list)");
        }, ct);

    public Task<Outcome<BookingStatus>> DeclineAsync(Actor actor, int bookingId, string? reason, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.AwaitingApproval], "declined", async (db, b, now) =>
        {
            await Lifecycle.EndAsync(db, b, BookingStatus.Declined, EmailTemplates.RequestDeclined, Clean(reason), now, ct);
            return $"Declined {b.Name}" + (Clean(reason) is { } r ? ": " + r : string.Empty);
        }, ct);

    public Task<Outcome<BookingStatus>> CancelAsync(Actor actor, int bookingId, string? reason, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.Confirmed, BookingStatus.Offered, BookingStatus.Waiting, BookingStatus.AwaitingApproval], "cancelled",
            async (db, b, now) =>
            {
                await Lifecycle.EndAsync(db, b, BookingStatus.Cancelled, EmailTemplates.BookingCancelled, Clean(reason), now, ct);
                return $"Cancelled {b.Name}" + (Clean(reason) is { } r ? ": " + r : string.Empty);
            }, ct);

    /// <summary>Moves a waiting person one place up the list.</summary>
    public Task<Outcome<BookingStatus>> MoveUpAsync(Actor actor, int bookingId, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.Waiting], "moved-up", async (db, b, now) =>
        {
            var ahead = await db.Set<Booking>()
                .Where(x => x.EventId == b.EventId && x.Status == BookingStatus.Waiting
                    && (x.WaitlistRank < b.WaitlistRank || (x.WaitlistRank == b.WaitlistRank && x.Id < b.Id)))
                .OrderByDescending(x => x.WaitlistRank).ThenByDescending(x => x.Id).FirstOrDefaultAsync(ct);
            if (ahead is null)
            {
                return $"{b.Name} is already first on the waiting list";
            }

            if (ahead.WaitlistRank == b.WaitlistRank)
            {
                b.WaitlistRank = ahead.WaitlistRank - 1;
            }
            else
            {
                (b.WaitlistRank, ahead.WaitlistRank) = (ahead.WaitlistRank, b.WaitlistRank);
            }

            b.UpdatedUtc = now;
            await db.SaveChangesAsync(ct);
            return $"Moved {b.Name} above {ahead.Name} on the waiting list";
        }, ct);

    /// <summary>Offers a free place to this person now, ahead of the list order. Never oversells: needs a free place.</summary>
    public Task<Outcome<BookingStatus>> OfferPlaceAsync(Actor actor, int bookingId, CancellationToken ct = default) =>
        ChangeAsync(actor, bookingId, [BookingStatus.Waiting], "offered", async (db, b, now) =>
        {
            var result = await Places.TryTakeAsync(db, b.EventId, b.TicketTypeId, ct);
            if (result != TakeResult.Taken)
            {
                return null;
            }

            Lifecycle.Promote(db, b, await Lifecycle.SettingsAsync(db, b.EventId, ct), now);
            await db.SaveChangesAsync(ct);
            return $"Offered a place to {b.Name} by hand";
        }, ct, refusal: BookingError.NoPlaceFree);

    /// <summary>Passes free places (after a capacity increase, say) to the people waiting.</summary>
    public async Task<int> FillFreePlacesAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var n = await Lifecycle.FillEventAsync(db, eventId, clock.GetUtcNow().UtcDateTime, ct);
        await tx.CommitAsync(ct);
        return n;
    }

    public async Task<BookingSettings> GetSettingsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await Lifecycle.SettingsAsync(db, eventId, ct);
        var zone = await db.Set<Event>().Where(e => e.Id == eventId).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct);
        settings.PriorityOpensLocal = settings.PriorityOpensUtc is { } p ? EventTime.ToLocal(p, zone) : null;
        return settings;
    }

    public async Task<Outcome<BookingSettings>> SaveSettingsAsync(Actor actor, BookingSettings input, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<BookingSettings>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        var errors = new List<FieldError>();
        if (input.OfferWindowHours is < 1 or > 24 * 14)
        {
            errors.Add(new(nameof(BookingSettings.OfferWindowHours), "Offer window must be between 1 hour and 336 hours (14 days)"));
        }

        var domains = input.AllowedDomainList;
        if (input.Eligibility == EligibilityMode.AllowedDomains && domains.Count == 0)
        {
            errors.Add(new(nameof(BookingSettings.AllowedDomains), "Enter at least one allowed email domain, like devon.gov.uk or *.gov.uk"));
        }

        var bad = domains.FirstOrDefault(d => !IsDomainRule(d));
        if (bad is not null)
        {
            errors.Add(new(nameof(BookingSettings.AllowedDomains), $"\"{bad}\" is not an email domain. Use the form devon.gov.uk or *.gov.uk"));
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ev = await db.Set<Event>().AsNoTracking().Where(e => e.Id == input.EventId)
            .Select(e => new { e.TimeZoneId, e.BookingOpensUtc }).FirstOrDefaultAsync(ct);
        if (ev is null)
        {
            return Outcome<BookingSettings>.Refused(ErrorCodes.NotFound, "That event no longer exists.");
        }

        errors.AddRange(BookingRules.ValidatePriorityOpens(input.PriorityOpensLocal, ev.TimeZoneId, ev.BookingOpensUtc, out var priorityOpensUtc));
        if (errors.Count > 0)
        {
            return Outcome<BookingSettings>.Invalid(errors);
        }

        var row = await db.Set<BookingSettings>().FirstOrDefaultAsync(s => s.EventId == input.EventId, ct);
        if (row is null)
        {
            row = BookingSettings.DefaultFor(input.EventId);
            db.Add(row);
        }

        row.Eligibility = input.Eligibility;
        row.AllowedDomains = string.Join('\n', domains.Select(d => d.ToLowerInvariant()));
        row.OutsideDomain = input.OutsideDomain;
        row.OfferWindowHours = input.OfferWindowHours;
        row.ConfirmFromWaitlist = input.ConfirmFromWaitlist;
        row.PriorityOpensUtc = priorityOpensUtc;
        AddAudit(db, actor, input.EventId, null, "settings", $"Booking settings: {row.Eligibility}, offers held {row.OfferWindowHours} h" +
            (row.ConfirmFromWaitlist ? ", confirm straight from the waiting list" : string.Empty) +
            (priorityOpensUtc is { } p ? ", priority booking opens " + EventTime.FormatDateTime(p, ev.TimeZoneId) : string.Empty));
        await db.SaveChangesAsync(ct);
        row.PriorityOpensLocal = input.PriorityOpensLocal;
        return Outcome<BookingSettings>.Ok(row);
    }

    public async Task<IReadOnlyList<TicketType>> TicketTypesAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<TicketType>().AsNoTracking().Where(t => t.EventId == eventId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
    }

    public async Task<Outcome<TicketType>> SaveTicketTypeAsync(Actor actor, int eventId, int? id, string name, string description, int? quota, bool hidden, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<TicketType>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return Outcome<TicketType>.Invalid(nameof(TicketType.Name), "Enter a name for the ticket type");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var capacity = await db.Set<Event>().Where(e => e.Id == eventId).Select(e => (int?)e.Capacity).FirstOrDefaultAsync(ct);
        if (capacity is null)
        {
            return Outcome<TicketType>.Refused(ErrorCodes.NotFound, "That event no longer exists.");
        }

        if (quota is { } q && (q < 1 || q > capacity))
        {
            return Outcome<TicketType>.Invalid(nameof(TicketType.Quota), $"Quota must be between 1 and the event's capacity ({capacity})");
        }

        var type = id is null ? null : await db.Set<TicketType>().FirstOrDefaultAsync(t => t.Id == id && t.EventId == eventId, ct);
        if (id is not null && type is null)
        {
            return Outcome<TicketType>.Refused(ErrorCodes.NotFound, "That ticket type no longer exists.");
        }

        if (type is null)
        {
            type = new TicketType { EventId = eventId, Name = string.Empty, SortOrder = await db.Set<TicketType>().CountAsync(t => t.EventId == eventId, ct) };
            db.Add(type);
        }
        else if (quota is { } newQuota && newQuota < type.PlacesTaken)
        {
            return Outcome<TicketType>.Invalid(nameof(TicketType.Quota), $"Quota cannot be less than the {type.PlacesTaken} places already taken");
        }

        type.Name = name.Trim();
        type.Description = description.Trim();
        type.Quota = quota;
        type.Hidden = hidden;
        type.SecretToken = hidden ? type.SecretToken ?? SecureTokens.New() : null;
        AddAudit(db, actor, eventId, null, "ticket-type", $"Saved ticket type \"{type.Name}\"" + (quota is null ? string.Empty : $", quota {quota}"));
        await db.SaveChangesAsync(ct);
        return Outcome<TicketType>.Ok(type);
    }

    public async Task<IReadOnlyList<RegistrationQuestion>> QuestionsAsync(int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<RegistrationQuestion>().AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
    }

    public async Task<Outcome<RegistrationQuestion>> SaveQuestionAsync(Actor actor, int eventId, int? id, string text, string hint, QuestionKind kind, bool required, string options, CancellationToken ct = default)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<RegistrationQuestion>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<RegistrationQuestion>.Invalid(nameof(RegistrationQuestion.Text), "Enter the question");
        }

        var optionList = options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && optionList.Length < 2)
        {
            return Outcome<RegistrationQuestion>.Invalid(nameof(RegistrationQuestion.Options), "Enter at least two answers to choose from, one per line");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var question = id is null ? null : await db.Set<RegistrationQuestion>().FirstOrDefaultAsync(q => q.Id == id && q.EventId == eventId, ct);
        if (id is not null && question is null)
        {
            return Outcome<RegistrationQuestion>.Refused(ErrorCodes.NotFound, "That question no longer exists.");
        }

        if (question is null)
        {
            if (!await db.Set<Event>().AnyAsync(e => e.Id == eventId, ct))
            {
                return Outcome<RegistrationQuestion>.Refused(ErrorCodes.NotFound, "That event no longer exists.");
            }

            question = new RegistrationQuestion { EventId = eventId, Text = string.Empty, SortOrder = await db.Set<RegistrationQuestion>().CountAsync(q => q.EventId == eventId, ct) };
            db.Add(question);
        }

        question.Text = text.Trim();
        question.Hint = hint.Trim();
        question.Kind = kind;
        question.Required = required;
        question.Options = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? string.Join('\n', optionList) : string.Empty;
        AddAudit(db, actor, eventId, null, "question", $"Saved question \"{question.Text}\"");
        await db.SaveChangesAsync(ct);
        return Outcome<RegistrationQuestion>.Ok(question);
    }

    public async Task<IReadOnlyList<BookingAuditEntry>> AuditLogAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Administrator(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingAuditEntry>().AsNoTracking().Where(a => a.EventId == eventId)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(1000).ToListAsync(ct);
    }

    /// <summary>Every booking with its answers, for the CSV export (organisers only).</summary>
    public async Task<IReadOnlyList<Booking>> ExportRowsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        Guard.Organiser(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Booking>().AsNoTracking().Include(b => b.TicketType).Include(b => b.Answers)
            .Where(b => b.EventId == eventId).OrderBy(b => b.Name).ThenBy(b => b.Id).ToListAsync(ct);
    }

    private static bool IsDomainRule(string d)
    {
        var host = d.StartsWith("*.", StringComparison.Ordinal) ? d[2..] : d;
        return host.Contains('.', StringComparison.Ordinal) && Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private void AddAudit(EventHubDbContext db, Actor actor, int eventId, int? bookingId, string action, string detail) =>
        db.Add(new BookingAuditEntry
        {
            EventId = eventId,
            BookingId = bookingId,
            ActorId = actor.UserId ?? "unknown",
            ActorName = actor.DisplayName,
            Action = action,
            Detail = detail.Length > 2000 ? detail[..2000] : detail,
            AtUtc = clock.GetUtcNow().UtcDateTime,
        });

    private async Task AuditAsync(Actor actor, int eventId, int? bookingId, string action, string detail, CancellationToken ct)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        AddAudit(db, actor, eventId, bookingId, action, detail);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Runs one organiser change in a transaction; the change returns the audit detail, or null to refuse.</summary>
    private async Task<Outcome<BookingStatus>> ChangeAsync(
        Actor actor, int bookingId, BookingStatus[] allowed, string action,
        Func<EventHubDbContext, Booking, DateTime, Task<string?>> change, CancellationToken ct, string refusal = BookingError.WrongState)
    {
        if (!actor.IsOrganiser)
        {
            return Outcome<BookingStatus>.Refused(ErrorCodes.Forbidden, "Sign in as an organiser to do that.");
        }

        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var b = await db.Set<Booking>().Include(x => x.TicketType).FirstOrDefaultAsync(x => x.Id == bookingId, ct);
        if (b is null)
        {
            return Outcome<BookingStatus>.Refused(ErrorCodes.NotFound, "That booking no longer exists.");
        }

        if (!allowed.Contains(b.Status))
        {
            return Outcome<BookingStatus>.Refused(BookingError.WrongState, BookingError.Message(BookingError.WrongState));
        }

        var detail = await change(db, b, clock.GetUtcNow().UtcDateTime);
        if (detail is null)
        {
            await tx.RollbackAsync(ct);
            return Outcome<BookingStatus>.Refused(refusal, BookingError.Message(refusal));
        }

        AddAudit(db, actor, b.EventId, b.Id, action, detail);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<BookingStatus>.Ok(b.Status);
    }
}
