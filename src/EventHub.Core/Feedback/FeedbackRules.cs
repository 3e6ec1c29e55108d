using System.Globalization;
using EventHub.Core.Common;

namespace EventHub.Core.Feedback;

public static class FeedbackRules
{
    public const int MaxTextLength = 2000;

    public const int MaxQuestionLength = 200;

    /// <summary>A few questions keep the form short enough that people finish it.</summary>
    public const int MaxQuestions = 5;

    /// <summary>A single-choice question offers 2 to this many options.</summary>
    public const int MaxOptions = 8;

    public const int MaxOptionLength = 100;

    /// <summary>The stored options, one per line: room for every option at its longest.</summary>
    public const int MaxOptionsLength = MaxOptions * (MaxOptionLength + 1);

    /// <summary>The form field (and error summary anchor) of an organiser's question.</summary>
    public static string Field(int questionId) => "q" + questionId.ToString(CultureInfo.InvariantCulture);

    public static IReadOnlyList<FieldError> Validate(FeedbackInput input) => Validate(input, []);

    /// <summary>The score is required; the texts have a limit; the organisers' questions are optional, a score 1–5 when given.</summary>
    public static IReadOnlyList<FieldError> Validate(FeedbackInput input, IReadOnlyList<FeedbackQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(questions);
        var errors = new List<FieldError>();
        if (input.Score is not (>= 1 and <= 5))
        {
            errors.Add(new FieldError(nameof(FeedbackInput.Score), "Select how good the event was overall, from 1 to 5"));
        }

        if ((input.WhatWorked?.Trim().Length ?? 0) > MaxTextLength)
        {
            errors.Add(new FieldError(nameof(FeedbackInput.WhatWorked), $"What worked must be {MaxTextLength} characters or fewer"));
        }

        if ((input.WhatToChange?.Trim().Length ?? 0) > MaxTextLength)
        {
            errors.Add(new FieldError(nameof(FeedbackInput.WhatToChange), $"What to change must be {MaxTextLength} characters or fewer"));
        }

        foreach (var q in questions)
        {
            var answer = AnswerTo(input, q);
            if (answer.Length == 0)
            {
                continue;
            }

            if (q.Kind == FeedbackQuestionKind.Rating && Rating(answer) is null)
            {
                errors.Add(new FieldError(Field(q.Id), $"Select a score from 1 to 5 for \"{q.Text}\""));
            }
            else if (q.Kind == FeedbackQuestionKind.SingleChoice && Choice(answer, q) is null)
            {
                // The form names the option by its words: words the question no longer offers come from a page opened
                // before the organisers changed its options, and a number could now mean another option.
                errors.Add(new FieldError(Field(q.Id),
                    $"The answers to \"{q.Text}\" changed after you opened this page. Select one of the answers shown now: the rest of what you wrote is kept"));
            }
            else if (q.Kind == FeedbackQuestionKind.ShortText && answer.Length > MaxTextLength)
            {
                errors.Add(new FieldError(Field(q.Id), $"Your answer to \"{q.Text}\" must be {MaxTextLength} characters or fewer"));
            }
        }

        return errors;
    }

    /// <summary>What the person gave for a question, trimmed; empty when they left it.</summary>
    public static string AnswerTo(FeedbackInput input, FeedbackQuestion question)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(question);
        return input.Answers is not null && input.Answers.TryGetValue(question.Id, out var v) ? v?.Trim() ?? string.Empty : string.Empty;
    }

    /// <summary>A score of 1 to 5, or null.</summary>
    public static int? Rating(string answer) =>
        int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 5 ? n : null;

    /// <summary>
    /// The number (1 is the first) of the option whose words the person chose, or null when the question offers no such
    /// option now. The form posts the words, never the number: options can change while a form is open, and a number
    /// would then silently mean another option. Options differ even ignoring case, so the words name one.
    /// </summary>
    public static int? Choice(string answer, FeedbackQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var options = question.OptionList;
        for (var i = 0; i < options.Count; i++)
        {
            if (string.Equals(options[i], answer.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>Options typed one per line, trimmed, blank lines left out.</summary>
    public static IReadOnlyList<string> SplitOptions(string? options) =>
        (options ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<FieldError> ValidateQuestion(FeedbackQuestionInput input, int existing)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = input.Text?.Trim() ?? string.Empty;
        var errors = new List<FieldError>();
        if (text.Length == 0)
        {
            errors.Add(new FieldError(nameof(FeedbackQuestionInput.Text), "Enter the question"));
        }
        else if (text.Length > MaxQuestionLength)
        {
            errors.Add(new FieldError(nameof(FeedbackQuestionInput.Text), $"The question must be {MaxQuestionLength} characters or fewer (it has {text.Length})"));
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(new FieldError(nameof(FeedbackQuestionInput.Kind), "Choose how people answer: a few words, a score from 1 to 5, or one of your options"));
        }
        else if (input.Kind == FeedbackQuestionKind.SingleChoice && ValidateOptions(input.Options) is { } optionsError)
        {
            errors.Add(optionsError);
        }

        if (existing >= MaxQuestions)
        {
            errors.Add(new FieldError(nameof(FeedbackQuestionInput.Text), $"The form has {MaxQuestions} questions of your own already: remove one to add another"));
        }

        return errors;
    }

    /// <summary>A single-choice question's options, typed one per line: 2 to <see cref="MaxOptions"/>, each different and short enough.</summary>
    public static FieldError? ValidateOptions(string? typed)
    {
        var options = SplitOptions(typed);
        if (options.Count < 2 || options.Count > MaxOptions)
        {
            return new FieldError(nameof(FeedbackQuestionInput.Options), $"Enter between 2 and {MaxOptions} options, one per line (you entered {options.Count})");
        }

        if (options.FirstOrDefault(o => o.Length > MaxOptionLength) is { } tooLong)
        {
            return new FieldError(nameof(FeedbackQuestionInput.Options), $"Each option must be {MaxOptionLength} characters or fewer (\"{tooLong[..20]}…\" has {tooLong.Length})");
        }

        return options.Distinct(StringComparer.OrdinalIgnoreCase).Count() < options.Count
            ? new FieldError(nameof(FeedbackQuestionInput.Options), "Each option must be different")
            : null;
    }
}
