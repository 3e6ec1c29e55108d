using EventHub.Core.Common;

namespace EventHub.Core.Feedback;

public static class FeedbackRules
{
    public const int MaxTextLength = 2000;

    public static IReadOnlyList<FieldError> Validate(FeedbackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
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

        return errors;
    }
}
