using System.Globalization;
using CsvHelper;
using EventHub.Core.Common;
using EventHub.Core.Feedback;
using MudBlazor;

namespace EventHub.Web.Features.Feedback;

/// <summary>The words, chart data and CSV of an event's feedback results.</summary>
public static class FeedbackText
{
    public static string[] ScoreLabels { get; } = ["1", "2", "3", "4", "5"];

    public static string Summary(FeedbackResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Answers == 0)
        {
            return "Nobody has given feedback yet. People answer from the link in the follow-up email.";
        }

        var answers = results.Answers == 1 ? "1 person has" : $"{results.Answers} people have";
        var best = results.ScoreCounts.Select((n, i) => (Score: i + 1, Count: n)).OrderByDescending(x => x.Count).ThenByDescending(x => x.Score).First();
        return $"{answers} given feedback. The average overall score is {OneDecimal(results.AverageScore)} out of 5; "
            + $"the most common score was {best.Score} ({best.Count} {(best.Count == 1 ? "answer" : "answers")}).";
    }

    /// <summary>
    /// The dashboard's sentence: "Nobody has given feedback yet. …" or "3 people have given feedback; the average
    /// overall score is 4.7 out of 5."
    /// </summary>
    public static string DashboardSummary(FeedbackResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Answers == 0)
        {
            return "Nobody has given feedback yet. People answer from the link in the follow-up email or on their booking's page.";
        }

        var answers = results.Answers == 1 ? "1 person has" : $"{results.Answers} people have";
        return $"{answers} given feedback; the average overall score is {OneDecimal(results.AverageScore)} out of 5.";
    }

    /// <summary>The overall score's average, then each score question's that has answers, in the form's order.</summary>
    public static IReadOnlyList<AverageScore> Averages(FeedbackResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var overall = results.AverageScore is { } a ? [new AverageScore("Overall score", a, results.Answers)] : new List<AverageScore>();
        return
        [
            .. overall,
            .. results.Questions.Where(q => q.Kind == FeedbackQuestionKind.Rating && q.AverageScore is not null)
                .Select(q => new AverageScore(q.Text, q.AverageScore!.Value, q.Answers)),
        ];
    }

    public static List<ChartSeries<double>> AverageSeries(IReadOnlyList<AverageScore> averages) =>
        [new() { Name = "Average score", Data = averages.Select(a => a.Average).ToArray() }];

    public static string OneDecimal(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty;

    public static List<ChartSeries<double>> ScoreSeries(FeedbackResults results) =>
        [new() { Name = "Answers", Data = results.ScoreCounts.Select(n => (double)n).ToArray() }];

    public static List<ChartSeries<double>> ChoiceSeries(FeedbackQuestionResult question) =>
        [new() { Name = "People", Data = question.OptionCounts.Select(n => (double)n).ToArray() }];

    /// <summary>How people answer a question, in the organiser's list: "a few words", "a score from 1 to 5", "one of: Yes, No".</summary>
    public static string HowAnswered(FeedbackQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Kind switch
        {
            FeedbackQuestionKind.Rating => "a score from 1 to 5",
            FeedbackQuestionKind.SingleChoice => "one of: " + string.Join(", ", question.OptionList),
            _ => "a few words",
        };
    }

    /// <summary>"3 answers; the average is 4.3 out of 5." for a score, "2 answers." for text, "No answers yet." when none.</summary>
    public static string QuestionSummary(FeedbackQuestionResult question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Answers == 0)
        {
            return "No answers yet.";
        }

        var answers = question.Answers == 1 ? "1 answer" : $"{question.Answers} answers";
        if (question.Kind == FeedbackQuestionKind.SingleChoice)
        {
            var top = question.OptionCounts.Max();
            var most = question.Options.Where((_, i) => question.OptionCounts[i] == top).ToList();
            var names = string.Join(" and ", most.Select(o => $"“{o}”"));
            return most.Count == 1
                ? $"{answers}; the most chosen was {names} ({top})."
                : $"{answers}; the most chosen were {names} ({top} each).";
        }

        return question.AverageScore is { } average
            ? $"{answers}; the average is {average.ToString("0.0", CultureInfo.InvariantCulture)} out of 5."
            : answers + ".";
    }

    /// <summary>
    /// One row per answer: its score, what it said (empty once the event's personal data is gone), then a column per
    /// organiser's question holding the score as a number or the text.
    /// </summary>
    public static string Csv(FeedbackResults results)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true);
        foreach (var header in new[] { "Score", "What worked", "What to change" })
        {
            csv.WriteField(header);
        }

        foreach (var q in results.Questions)
        {
            csv.WriteField(CsvCells.Safe(q.Text));
        }

        csv.EndRecord();
        foreach (var c in results.Responses)
        {
            csv.WriteField(c.Score.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(CsvCells.Safe(c.WhatWorked));
            csv.WriteField(CsvCells.Safe(c.WhatToChange));
            foreach (var q in results.Questions)
            {
                var answer = c.Answers.GetValueOrDefault(q.QuestionId, string.Empty);
                csv.WriteField(q.Kind == FeedbackQuestionKind.Rating ? answer : CsvCells.Safe(answer));
            }

            csv.EndRecord();
        }

        csv.Flush();
        return writer.ToString();
    }
}
