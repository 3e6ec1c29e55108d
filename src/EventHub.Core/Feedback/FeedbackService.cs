using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Feedback;

/// <summary>
/// The feedback form (reached with a booking's manage link, one answer per booking, anonymous to the organisers, with
/// the organisers' own questions) and its results for the event's team.
/// </summary>
public sealed class FeedbackService(IDbContextFactory<EventHubDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The form for a manage link, or null for a link that matches no booking (the page then says only "not valid").</summary>
    public async Task<FeedbackFormView?> GetFormAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await FindAsync(db, token, ct);
        return found is null ? null
            : new FeedbackFormView(found.Event.Title, EventTime.FormatRange(found.Event.StartUtc, found.Event.EndUtc, found.Event.TimeZoneId), found.CannotAnswer,
                await FeedbackQuestionService.QuestionsAsync(db, found.Event.Id, ct));
    }

    /// <summary>A person answers. Their answers are stored apart from the mark that their booking has answered.</summary>
    public async Task<Outcome<bool>> GiveAsync(string token, FeedbackInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await FindAsync(db, token, ct);
        if (found is null)
        {
            return Outcome<bool>.Refused(FeedbackErrors.LinkNotValid);
        }

        if (found.CannotAnswer is { } refusal)
        {
            return Outcome<bool>.Refused(refusal);
        }

        var questions = await FeedbackQuestionService.QuestionsAsync(db, found.Event.Id, ct);
        var errors = FeedbackRules.Validate(input, questions);
        if (errors.Count > 0)
        {
            return Outcome<bool>.Invalid(errors);
        }

        db.Add(new FeedbackGiven { BookingId = found.BookingId, EventId = found.Event.Id });
        var response = new FeedbackResponse
        {
            EventId = found.Event.Id,
            Score = input.Score!.Value,
            WhatWorked = input.WhatWorked?.Trim() ?? string.Empty,
            WhatToChange = input.WhatToChange?.Trim() ?? string.Empty,
        };
        db.Add(response);
        foreach (var q in questions)
        {
            var answer = FeedbackRules.AnswerTo(input, q);
            if (answer.Length > 0)
            {
                db.Add(q.Kind switch
                {
                    FeedbackQuestionKind.Rating => new FeedbackAnswer { Response = response, QuestionId = q.Id, Rating = FeedbackRules.Rating(answer) },
                    FeedbackQuestionKind.SingleChoice => new FeedbackAnswer { Response = response, QuestionId = q.Id, Choice = FeedbackRules.Choice(answer, q) },
                    _ => new FeedbackAnswer { Response = response, QuestionId = q.Id, Text = answer },
                });
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same booking answered in another tab at the same moment: that answer stands, this one is not kept.
            return Outcome<bool>.Refused(FeedbackErrors.AlreadyGiven);
        }

        return Outcome<bool>.Ok(true);
    }

    /// <summary>The event's feedback, for those on its team who may read its figures.</summary>
    public async Task<Outcome<FeedbackResults>> ResultsAsync(Actor actor, int eventId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await EventAccess.CheckAsync(db, actor, eventId, Permission.ViewFigures, ct, FeedbackErrors.EventGone) is { } refusal)
        {
            return Outcome<FeedbackResults>.Refused(refusal);
        }

        var title = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => e.Title).FirstAsync(ct);
        var counts = await db.Set<FeedbackResponse>().AsNoTracking().Where(r => r.EventId == eventId)
            .GroupBy(r => r.Score).Select(g => new { Score = g.Key, Count = g.Count() }).ToListAsync(ct);
        var questions = await FeedbackQuestionService.QuestionsAsync(db, eventId, ct);
        var options = questions.ToDictionary(q => q.Id, q => q.OptionList);
        var given = (await db.Set<FeedbackAnswer>().AsNoTracking().Where(a => a.Response!.EventId == eventId)
                .Select(a => new { a.ResponseId, a.QuestionId, a.Rating, a.Choice, a.Text }).ToListAsync(ct))
            .Select(a => (a.ResponseId, a.QuestionId, Value: a.Rating is { } r ? r.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : a.Choice is { } c ? OptionText(options.GetValueOrDefault(a.QuestionId, []), c)
                : a.Text))
            .Where(a => a.Value.Length > 0)
            .ToList();
        var responses = (await db.Set<FeedbackResponse>().AsNoTracking().Where(r => r.EventId == eventId)
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.Score, r.WhatWorked, r.WhatToChange }).ToListAsync(ct))
            .Select(r => new FeedbackComment(r.Score, r.WhatWorked, r.WhatToChange,
                given.Where(a => a.ResponseId == r.Id).ToDictionary(a => a.QuestionId, a => a.Value)))
            .ToList();
        var byScore = Enumerable.Range(1, FeedbackResults.Scores).Select(s => counts.Where(c => c.Score == s).Sum(c => c.Count)).ToList();
        var perQuestion = questions.Select(q => Tally(q, given.Where(a => a.QuestionId == q.Id).Select(a => a.Value).ToList())).ToList();
        return Outcome<FeedbackResults>.Ok(new FeedbackResults(eventId, title, byScore.Sum(), byScore, Average(byScore), responses, perQuestion));
    }

    private static FeedbackQuestionResult Tally(FeedbackQuestion q, List<string> values)
    {
        if (q.Kind == FeedbackQuestionKind.ShortText)
        {
            return new FeedbackQuestionResult(q.Id, q.Text, q.Kind, values.Count, [], null, values);
        }

        if (q.Kind == FeedbackQuestionKind.SingleChoice)
        {
            var options = q.OptionList;
            var chosen = values.Where(options.Contains).ToList();
            return new FeedbackQuestionResult(q.Id, q.Text, q.Kind, chosen.Count, [], null, [])
            {
                Options = options,
                OptionCounts = [.. options.Select(o => chosen.Count(v => v == o))],
            };
        }

        var scores = values.Select(FeedbackRules.Rating).OfType<int>().ToList();
        var byScore = Enumerable.Range(1, FeedbackResults.Scores).Select(s => scores.Count(x => x == s)).ToList();
        return new FeedbackQuestionResult(q.Id, q.Text, q.Kind, scores.Count, byScore, Average(byScore), []);
    }

    /// <summary>The words of option <paramref name="choice"/> (1 is the first); empty for an option no longer there.</summary>
    private static string OptionText(IReadOnlyList<string> options, int choice) => choice >= 1 && choice <= options.Count ? options[choice - 1] : string.Empty;

    /// <summary>The mean of counts of scores 1 to 5, to one decimal place; null with no answers.</summary>
    private static double? Average(IReadOnlyList<int> byScore)
    {
        var answers = byScore.Sum();
        return answers == 0 ? null : Math.Round(byScore.Select((n, i) => n * (i + 1)).Sum() / (double)answers, 1);
    }

    private sealed record Found(int BookingId, Event Event, Refusal? CannotAnswer);

    private async Task<Found?> FindAsync(EventHubDbContext db, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        var row = await db.Set<Booking>().AsNoTracking().WithManageToken(db, token)
            .Select(b => new
            {
                b.Id,
                b.Status,
                Event = db.Events.First(e => e.Id == b.EventId),
                Given = db.Set<FeedbackGiven>().Any(g => g.BookingId == b.Id),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Refusal? cannot = row.Event.Status == EventStatus.Cancelled ? FeedbackErrors.Closed
            : row.Status != BookingStatus.Confirmed ? FeedbackErrors.NoPlace
            : now < row.Event.StartUtc ? FeedbackErrors.NotYet
            : row.Given ? FeedbackErrors.AlreadyGiven
            : null;
        return new Found(row.Id, row.Event, cannot);
    }
}
