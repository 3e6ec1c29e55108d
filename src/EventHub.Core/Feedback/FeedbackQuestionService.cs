using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Feedback;

/// <summary>
/// The organisers' own questions on an event's feedback form (a few: a short text, a score from 1 to 5, or one of a few options): those who
/// may edit the event add, reorder and remove them and change a choice question's options until it is answered; everyone who may read the results sees them.
/// </summary>
public sealed class FeedbackQuestionService(IDbContextFactory<EventHubDbContext> dbFactory)
{
    public async Task<Outcome<IReadOnlyList<FeedbackQuestion>>> ListAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.ViewFigures, ct, FeedbackErrors.EventGone) is { } refusal)
        {
            return Outcome<IReadOnlyList<FeedbackQuestion>>.Refused(refusal);
        }

        return Outcome<IReadOnlyList<FeedbackQuestion>>.Ok(await QuestionsAsync(db, eventId, ct));
    }

    /// <summary>Adds a question at the end of the form. Answers given before it was added simply have none for it.</summary>
    public async Task<Outcome<FeedbackQuestion>> AddAsync(Actor actor, int eventId, FeedbackQuestionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FeedbackErrors.EventGone) is { } refusal)
        {
            return Outcome<FeedbackQuestion>.Refused(refusal);
        }

        var existing = await QuestionsAsync(db, eventId, ct);
        var errors = FeedbackRules.ValidateQuestion(input, existing.Count);
        if (errors.Count > 0)
        {
            return Outcome<FeedbackQuestion>.Invalid(errors);
        }

        var question = new FeedbackQuestion
        {
            EventId = eventId,
            Text = input.Text!.Trim(),
            Kind = input.Kind,
            Options = input.Kind == FeedbackQuestionKind.SingleChoice ? string.Join('\n', FeedbackRules.SplitOptions(input.Options)) : string.Empty,
            SortOrder = existing.Count == 0 ? 1 : existing.Max(q => q.SortOrder) + 1,
        };
        db.Add(question);
        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackQuestion>.Ok(question);
    }

    /// <summary>
    /// Changes the options of a single-choice question, only while nobody has answered it: an answer keeps the number
    /// of the option chosen, so changing the options afterwards would change what people said.
    /// </summary>
    public async Task<Outcome<FeedbackQuestion>> EditOptionsAsync(Actor actor, int eventId, int questionId, string? options, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FeedbackErrors.EventGone) is { } refusal)
        {
            return Outcome<FeedbackQuestion>.Refused(refusal);
        }

        var question = await db.Set<FeedbackQuestion>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.EventId == eventId, ct);
        if (question is null)
        {
            return Outcome<FeedbackQuestion>.Refused(FeedbackErrors.QuestionGone);
        }

        if (question.Kind != FeedbackQuestionKind.SingleChoice)
        {
            return Outcome<FeedbackQuestion>.Refused(FeedbackErrors.NoOptions);
        }

        if (FeedbackRules.ValidateOptions(options) is { } invalid)
        {
            return Outcome<FeedbackQuestion>.Invalid([invalid]);
        }

        // One conditional update, so an answer that arrives meanwhile is never left pointing at a changed option.
        var stored = string.Join('\n', FeedbackRules.SplitOptions(options));
        var changed = await db.Set<FeedbackQuestion>()
            .Where(q => q.Id == questionId && !db.Set<FeedbackAnswer>().Any(a => a.QuestionId == questionId))
            .ExecuteUpdateAsync(u => u.SetProperty(q => q.Options, stored), ct);
        if (changed == 0)
        {
            return Outcome<FeedbackQuestion>.Refused(FeedbackErrors.OptionsAnswered(question.Text), nameof(FeedbackQuestionInput.Options));
        }

        question.Options = stored;
        return Outcome<FeedbackQuestion>.Ok(question);
    }

    /// <summary>Removes a question from the form, with the answers given to it.</summary>
    public async Task<Outcome<bool>> RemoveAsync(Actor actor, int eventId, int questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FeedbackErrors.EventGone) is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        var removed = await db.Set<FeedbackQuestion>().Where(q => q.Id == questionId && q.EventId == eventId).ExecuteDeleteAsync(ct);
        return removed == 0 ? Outcome<bool>.Refused(FeedbackErrors.QuestionGone) : Outcome<bool>.Ok(true);
    }

    /// <summary>Swaps a question with the one above (<paramref name="up"/>) or below it on the form; answers stay with their question.</summary>
    public async Task<Outcome<FeedbackQuestion>> MoveAsync(Actor actor, int eventId, int questionId, bool up, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.Edit, ct, FeedbackErrors.EventGone) is { } refusal)
        {
            return Outcome<FeedbackQuestion>.Refused(refusal);
        }

        var questions = await db.Set<FeedbackQuestion>().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
        var index = questions.FindIndex(q => q.Id == questionId);
        if (index < 0)
        {
            return Outcome<FeedbackQuestion>.Refused(FeedbackErrors.QuestionGone);
        }

        if (ListOrder.Swap(questions, index, up, (q, n) => q.SortOrder = n, first: 1) is not { } other)
        {
            return Outcome<FeedbackQuestion>.Refused(FeedbackErrors.AlreadyAtEnd(questions[index].Text, up));
        }

        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackQuestion>.Ok(questions[other]);
    }

    internal static async Task<IReadOnlyList<FeedbackQuestion>> QuestionsAsync(EventHubDbContext db, int eventId, CancellationToken ct) =>
        await db.Set<FeedbackQuestion>().AsNoTracking().Where(q => q.EventId == eventId).OrderBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync(ct);
}
