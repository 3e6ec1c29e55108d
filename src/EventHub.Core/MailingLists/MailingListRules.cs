using EventHub.Core.Common;

namespace EventHub.Core.MailingLists;

public static class MailingListRules
{
    public const int MaxNameLength = 200;

    public static IReadOnlyList<FieldError> Validate(ListSignUpInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(new(nameof(input.Name), "Enter your name"));
        }
        else if (input.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(input.Name), $"Name must be {MaxNameLength} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add(new(nameof(input.Email), "Enter your email address"));
        }
        else if (!EmailAddresses.IsValid(input.Email))
        {
            errors.Add(new(nameof(input.Email), "Enter an email address in the correct format, like name@example.com"));
        }

        if (!input.Consent)
        {
            errors.Add(new(nameof(input.Consent), "Tick the box to agree to get emails about this series"));
        }

        return errors;
    }
}
