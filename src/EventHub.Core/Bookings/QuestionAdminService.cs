using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Bookings;

/// <summary>The organiser sets up the questions everyone who books is asked: add, edit, hide, reorder, remove.</summary>
public sealed class QuestionAdminService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock, BookingWriteGate gate, BookingSetupCache? setup = null)
{
    private readonly OrganiserWrites _writes = new(dbFactory, clock, gate, setup);

    private readonly EventList<RegistrationQuestion> _list = new(new(dbFactory, clock, gate, setup), new(
        "question", "question", q => q.Text, BookingErrors.QuestionGoneFromList,
        (db, id, ct) => db.Set<BookingAnswer>().CountAsync(a => a.QuestionId == id, ct),
        (q, answered) => BookingErrors.QuestionAnswered(q.Text, answered)));

    /// <summary>The event's questions for those who may see its attendees (who read the answers); none for anyone else.</summary>
    public async Task<IReadOnlyList<RegistrationQuestion>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.ViewAttendees, ct) is not null)
        {
            return [];
        }

        return await db.Set<RegistrationQuestion>().AsNoTracking().Where(q => q.EventId == eventId).InListOrder().ToListAsync(ct);
    }

    /// <summary>Adds a question (<paramref name="id"/> null) or changes one. Choice questions need two answers at least.</summary>
    public Task<Outcome<RegistrationQuestion>> SaveAsync(
        Actor actor, int eventId, int? id, string text, string hint, QuestionKind kind, bool required, string options, CancellationToken ct = default) =>
        _writes.RunAsync(actor, eventId, Permission.Edit, async w =>
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return Outcome<RegistrationQuestion>.Invalid(nameof(RegistrationQuestion.Text), "Enter the question");
            }

            var optionList = options.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var isChoice = kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;
            if (isChoice && optionList.Length < 2)
            {
                return Outcome<RegistrationQuestion>.Invalid(nameof(RegistrationQuestion.Options), "Enter at least two answers to choose from, one per line");
            }

            var question = id is { } existing ? await w.Db.Set<RegistrationQuestion>().FindInEventAsync(eventId, existing, ct) : null;
            if (id is not null && question is null)
            {
                return Outcome<RegistrationQuestion>.NotFound(BookingErrors.QuestionGone);
            }

            if (question is null)
            {
                if (!await w.Db.Set<Event>().AnyAsync(e => e.Id == eventId, ct))
                {
                    return Outcome<RegistrationQuestion>.NotFound(BookingErrors.EventGone);
                }

                question = new RegistrationQuestion { EventId = eventId, Text = string.Empty, SortOrder = await w.Db.Set<RegistrationQuestion>().CountAsync(q => q.EventId == eventId, ct) };
                w.Db.Add(question);
            }

            question.Text = text.Trim();
            question.Hint = hint.Trim();
            question.Kind = kind;
            question.Required = required;
            question.Options = isChoice ? string.Join('\n', optionList) : string.Empty;
            w.Audit(eventId, null, "question", $"Saved question \"{question.Text}\"");
            await w.Db.SaveChangesAsync(ct);
            return Outcome<RegistrationQuestion>.Ok(question);
        }, ct, id is null ? BookingErrors.EventGone : BookingErrors.QuestionGone);

    /// <summary>A question people have answered cannot be removed, only hidden, so their answers are kept.</summary>
    public Task<Outcome<string>> RemoveAsync(Actor actor, int eventId, int id, CancellationToken ct = default) =>
        _list.RemoveAsync(actor, eventId, id, ct);

    public Task<Outcome<string>> MoveAsync(Actor actor, int eventId, int id, bool up, CancellationToken ct = default) =>
        _list.MoveAsync(actor, eventId, id, up, ct);

    /// <summary>A hidden question is no longer asked or checked; its answers stay on the bookings and in the export.</summary>
    public Task<Outcome<string>> SetHiddenAsync(Actor actor, int eventId, int id, bool hidden, CancellationToken ct = default) =>
        _writes.RunAsync(actor, eventId, Permission.Edit, async w =>
        {
            var question = await w.Db.Set<RegistrationQuestion>().FindInEventAsync(eventId, id, ct);
            if (question is null)
            {
                return Outcome<string>.NotFound(BookingErrors.QuestionGoneFromList);
            }

            question.Hidden = hidden;
            w.Audit(eventId, null, hidden ? "question-hidden" : "question-shown", $"{(hidden ? "Hid" : "Showed again")} question \"{question.Text}\"");
            await w.Db.SaveChangesAsync(ct);
            return Outcome<string>.Ok(question.Text);
        }, ct, BookingErrors.QuestionGoneFromList);
}
