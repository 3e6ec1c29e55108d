using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Polls;

/// <summary>Reads a poll into what its pages show: the organiser's detail page and the public voting pages.</summary>
internal static class PollViews
{
    public static async Task<PollView> LoadAsync(EventHubDbContext db, Poll poll, DateTime now, CancellationToken ct)
    {
        var options = await db.Set<PollOption>().AsNoTracking().Where(o => o.PollId == poll.Id)
            .OrderBy(o => o.StartUtc).ThenBy(o => o.Id).ToListAsync(ct);
        var voters = await db.Set<PollVoter>().AsNoTracking().Counted().Include(v => v.Answers).Where(v => v.PollId == poll.Id)
            .OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id).ToListAsync(ct);
        var results = BuildResults(poll, options, voters);
        var refusal = PollRules.VotingRefusal(poll, now);
        return new PollView(poll.Id, poll.Title, MarkdownRenderer.ToSafeHtml(poll.Description), poll.Place, poll.TimeZoneId, poll.ClosesUtc,
            poll.PublicToken, poll.Status, poll.ChosenOptionId, results, refusal?.Code, refusal?.Message)
        {
            ConfirmVotesByEmail = poll.ConfirmVotesByEmail,
            PendingVotes = await db.Set<PollVoter>().CountAsync(v => v.PollId == poll.Id && v.Pending, ct),
        };
    }

    /// <summary>Builds the results table from the rows (or from the kept counts once personal data is deleted).</summary>
    public static PollResults BuildResults(Poll poll, IReadOnlyList<PollOption> options, IReadOnlyList<PollVoter> voters)
    {
        var deleted = poll.PersonalDataDeletedUtc is not null;
        var counts = options.Select(o =>
        {
            if (deleted)
            {
                return (Option: o, Yes: o.KeptYesCount, IfNeedBe: o.KeptIfNeedBeCount, No: o.KeptNoCount);
            }

            var answers = voters.SelectMany(v => v.Answers).Where(a => a.OptionId == o.Id).ToList();
            return (Option: o, Yes: answers.Count(a => a.Answer == PollAnswer.Yes), IfNeedBe: answers.Count(a => a.Answer == PollAnswer.IfNeedBe),
                No: answers.Count(a => a.Answer == PollAnswer.No));
        }).ToList();
        var anyAnswers = counts.Any(c => c.Yes + c.IfNeedBe + c.No > 0);
        var tallies = counts.Select(c => new OptionTally(c.Option.Id, c.Option.StartUtc, c.Yes, c.IfNeedBe)).ToList();
        var mostPopular = anyAnswers ? PollRules.MostPopular(tallies) : null;
        var optionResults = counts.Select(c => new OptionResult(c.Option.Id, c.Option.StartUtc, c.Option.EndUtc,
            EventTime.FormatRange(c.Option.StartUtc, c.Option.EndUtc, poll.TimeZoneId), c.Yes, c.IfNeedBe, c.No, c.Option.Id == mostPopular)).ToList();
        var nameCounts = voters.GroupBy(v => PollRules.NameKey(v.Name)).ToDictionary(g => g.Key, g => g.Count());
        var rows = voters.Select(v => new VoterRow(v.Id, v.Name, nameCounts[PollRules.NameKey(v.Name)] > 1,
            v.Answers.ToDictionary(a => a.OptionId, a => a.Answer))).ToList();
        return new PollResults(optionResults, rows, deleted) { TieBreak = PollRules.TieBreak(tallies, mostPopular) };
    }
}
