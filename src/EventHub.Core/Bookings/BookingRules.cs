using EventHub.Core.Common;

namespace EventHub.Core.Bookings;

/// <summary>Field limits and the pure checks on what a visitor typed.</summary>
public static class BookingRules
{
    public const int MaxNameLength = 200;
    public const int MaxNeedsLength = 1000;
    public const int MaxAnswerLength = 4000;
    public const int MaxQuestionLength = 500;

    /// <summary>The organiser's "who the places are for" phrase: a sentence or two.</summary>
    public const int MaxPlacesAreForLength = 300;

    /// <summary>True when the email's domain is allowed: exact ("devon.gov.uk") or wildcard ("*.gov.uk": any subdomain).</summary>
    public static bool DomainAllowed(string email, IEnumerable<string> allowed)
    {
        var normalised = EmailAddresses.Normalise(email);
        var at = normalised.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var domain = normalised[(at + 1)..];
        foreach (var raw in allowed)
        {
            var rule = raw.Trim().TrimStart('@').ToLowerInvariant();
            if (rule.Length == 0)
            {
                continue;
            }

            if (rule.StartsWith("*.", StringComparison.Ordinal))
            {
                if (domain.EndsWith(rule[1..], StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (domain == rule)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks what was typed into the booking form, in the order the fields appear.</summary>
    /// <param name="ticketTypesOffered">How many ticket types the person could choose from: with more than one, they must choose.</param>
    public static IReadOnlyList<FieldError> Validate(
        BookingForm form, IReadOnlyList<RegistrationQuestion> questions, int ticketTypesOffered = 0, bool requireConsent = true)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors.Add(new(nameof(BookingForm.Name), "Enter your full name"));
        }
        else if (form.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(BookingForm.Name), $"Full name must be {MaxNameLength} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(form.Email))
        {
            errors.Add(new(nameof(BookingForm.Email), "Enter your email address"));
        }
        else if (!EmailAddresses.IsValid(form.Email))
        {
            errors.Add(new(nameof(BookingForm.Email), "Enter an email address in the correct format, like name@example.gov.uk"));
        }

        if (string.IsNullOrWhiteSpace(form.Organisation))
        {
            errors.Add(new(nameof(BookingForm.Organisation), "Enter your organisation"));
        }
        else if (form.Organisation.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(BookingForm.Organisation), $"Organisation must be {MaxNameLength} characters or fewer"));
        }

        if (form.JobTitle.Trim().Length > MaxNameLength)
        {
            errors.Add(new(nameof(BookingForm.JobTitle), $"Job title must be {MaxNameLength} characters or fewer"));
        }

        if (ticketTypesOffered > 1 && form.TicketTypeId is null)
        {
            errors.Add(new(nameof(BookingForm.TicketTypeId), "Select a ticket type"));
        }

        errors.AddRange(ValidateNeeds(form.DietaryNeeds, form.AccessNeeds));

        errors.AddRange(ValidateAnswers(form.Answers, questions));

        if (requireConsent && !form.PrivacyConsent)
        {
            errors.Add(new(nameof(BookingForm.PrivacyConsent), "Confirm that you have read the privacy notice"));
        }

        return errors;
    }

    /// <summary>Access and dietary needs within their length, each error against its own field.</summary>
    public static IEnumerable<FieldError> ValidateNeeds(string dietaryNeeds, string accessNeeds)
    {
        if (dietaryNeeds.Trim().Length > MaxNeedsLength)
        {
            yield return new(nameof(BookingForm.DietaryNeeds), $"Dietary requirements must be {MaxNeedsLength} characters or fewer");
        }

        if (accessNeeds.Trim().Length > MaxNeedsLength)
        {
            yield return new(nameof(BookingForm.AccessNeeds), $"Access needs must be {MaxNeedsLength} characters or fewer");
        }
    }

    public static IReadOnlyList<FieldError> ValidateAnswers(IReadOnlyDictionary<int, string> answers, IReadOnlyList<RegistrationQuestion> questions)
    {
        var errors = new List<FieldError>();
        foreach (var q in questions.Where(q => !q.Hidden))
        {
            var field = AnswerField(q.Id);
            answers.TryGetValue(q.Id, out var value);
            value = (value ?? string.Empty).Trim();
            if (value.Length == 0)
            {
                if (q.Required)
                {
                    errors.Add(new(field, q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.YesNo
                        ? $"Select an answer for \"{q.Text}\""
                        : $"Enter an answer for \"{q.Text}\""));
                }

                continue;
            }

            if (value.Length > MaxAnswerLength)
            {
                errors.Add(new(field, $"Your answer to \"{q.Text}\" must be {MaxAnswerLength} characters or fewer"));
                continue;
            }

            var options = q.OptionList;
            var ok = q.Kind switch
            {
                QuestionKind.YesNo => value is "Yes" or "No",
                QuestionKind.SingleChoice => options.Contains(value),
                QuestionKind.MultipleChoice => value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(options.Contains),
                QuestionKind.ShortText => !value.Contains('\n', StringComparison.Ordinal),
                _ => true,
            };
            if (!ok)
            {
                errors.Add(new(field, $"Select one of the answers offered for \"{q.Text}\""));
            }
        }

        return errors;
    }

    /// <summary>
    /// Checks the organiser's "priority booking opens" time (wall clock in the event's zone) against when booking opens
    /// to everyone, and gives it back in UTC. Blank is allowed: priority links then work from publication.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidatePriorityOpens(
        DateTime? priorityOpensLocal, string? timeZoneId, DateTime? generalOpensUtc, out DateTime? priorityOpensUtc)
    {
        priorityOpensUtc = null;
        const string field = nameof(BookingSettings.PriorityOpensLocal);
        if (priorityOpensLocal is not { } local)
        {
            return [];
        }

        var zone = EventTime.Zone(timeZoneId);
        if (!EventTime.TryToUtc(local, zone, out var utc))
        {
            return [new(field, "Priority booking opens at a time that does not exist because the clocks go forward then. Enter a time an hour later")];
        }

        if (generalOpensUtc is not { } general)
        {
            return [new(field, "Priority booking must open before booking opens to everyone. Set when booking opens on the event's details page first, or leave this blank")];
        }

        if (utc >= general)
        {
            return [new(field, $"Priority booking must open before booking opens to everyone ({EventTime.FormatDateTime(general, timeZoneId)}). Enter an earlier time")];
        }

        priorityOpensUtc = utc;
        return [];
    }

    /// <summary>The field name an answer's error is reported against (the form's input id).</summary>
    public static string AnswerField(int questionId) => "Answer_" + questionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
