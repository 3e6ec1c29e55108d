using EventHub.Core.Data;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Feedback;

/// <summary>Copies the organisers' own feedback questions, in their order, into a new edition; the answers stay with the old one.</summary>
internal sealed class FeedbackEditionCopy : IEditionCopyPart
{
    public async Task<IReadOnlyList<string>> CopyAsync(EventHubDbContext db, int sourceId, int copyId, EditionShift shift, CancellationToken ct)
    {
        var questions = await FeedbackQuestionService.QuestionsAsync(db, sourceId, ct);
        db.AddRange(questions.Select(q => new FeedbackQuestion
        {
            EventId = copyId,
            Text = q.Text,
            Kind = q.Kind,
            Options = q.Options,
            SortOrder = q.SortOrder,
        }));
        return questions.Count == 0 ? [] : [EditionCopyService.Count(questions.Count, "feedback question")];
    }
}
