using System.Globalization;
using EventHub.Core.Bookings;
using Microsoft.Extensions.Primitives;

namespace EventHub.Web.Features.Bookings;

/// <summary>
/// The booking form as a plain HTML form: what each field posts, and the same fields as hidden inputs so "check your
/// answers" can post them on to "confirm". Answers and sessions are keyed by question and session id, so they are read
/// here, in one place, rather than bound by name. Nothing read here is trusted: BookingService checks it all again.
/// </summary>
public static class BookingFormPost
{
    /// <summary>The one form on the book page; each step posts it with a different <see cref="Action"/>.</summary>
    public const string FormName = "booking";

    /// <summary>The submit button's name; its value says what the visitor asked for.</summary>
    public const string Action = "Action";

    public const string Check = "check";
    public const string Confirm = "confirm";
    public const string Change = "change";
    public const string Resend = "resend";

    private static readonly string AnswerPrefix = BookingRules.AnswerField(0)[..^1];

    /// <summary>What the visitor typed, from the posted fields. The link's ticket secret and priority token come from the address.</summary>
    public static BookingForm Read(IFormCollection posted, BookingFormModel model, string? ticketSecret, string? priorityToken)
    {
        var form = ReadPosted(posted, ticketSecret, priorityToken);
        form.TicketTypeId ??= DefaultTicketType(model, ticketSecret);
        // Kept in the order the event lists them, whatever order they were ticked in.
        form.SessionIds = [.. model.Sessions.Select(s => s.Id).Where(form.SessionIds.Contains)];
        form.Answers.Clear();
        ReadAnswers(posted, model.Questions, form.Answers);
        return form;
    }

    /// <summary>
    /// What was posted, read without the event's form: every answer field as posted (several values are one answer
    /// per line), the sessions in the order posted. For confirming, where BookingService checks it all against the
    /// event anyway; <see cref="Read"/> when the form is shown again.
    /// </summary>
    public static BookingForm ReadPosted(IFormCollection posted, string? ticketSecret, string? priorityToken)
    {
        var form = new BookingForm
        {
            Name = Text(posted, nameof(BookingForm.Name)),
            Email = Text(posted, nameof(BookingForm.Email)),
            Organisation = Text(posted, nameof(BookingForm.Organisation)),
            JobTitle = Text(posted, nameof(BookingForm.JobTitle)),
            DietaryNeeds = Text(posted, nameof(BookingForm.DietaryNeeds)),
            AccessNeeds = Text(posted, nameof(BookingForm.AccessNeeds)),
            PrivacyConsent = posted[nameof(BookingForm.PrivacyConsent)].Contains("true"),
            TicketTypeId = int.TryParse(Text(posted, nameof(BookingForm.TicketTypeId)), NumberStyles.None, CultureInfo.InvariantCulture, out var type)
                ? type
                : null,
            TicketSecret = ticketSecret,
            PriorityToken = priorityToken,
        };

        form.SessionIds = [.. Ids(posted[nameof(BookingForm.SessionIds)])];
        foreach (var (key, values) in posted)
        {
            if (key.StartsWith(AnswerPrefix, StringComparison.Ordinal)
                && int.TryParse(key.AsSpan(AnswerPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var questionId))
            {
                var answer = values.Count == 1 ? values[0] ?? string.Empty : string.Join('\n', values.Where(v => !string.IsNullOrWhiteSpace(v)));
                if (answer.Length > 0)
                {
                    form.Answers[questionId] = answer;
                }
            }
        }

        return form;
    }

    /// <summary>
    /// The answers to <paramref name="questions"/> as posted by <see cref="BookingQuestionFields"/>, into
    /// <paramref name="answers"/> by question id (a multiple choice one per line); a question left blank is removed.
    /// </summary>
    public static void ReadAnswers(IFormCollection posted, IEnumerable<RegistrationQuestion> questions, IDictionary<int, string> answers)
    {
        foreach (var q in questions)
        {
            var values = posted[BookingRules.AnswerField(q.Id)];
            var answer = q.Kind == QuestionKind.MultipleChoice
                ? string.Join('\n', values.Where(v => !string.IsNullOrWhiteSpace(v)))
                : values.FirstOrDefault() ?? string.Empty;
            if (answer.Length > 0)
            {
                answers[q.Id] = answer;
            }
            else
            {
                answers.Remove(q.Id);
            }
        }
    }

    /// <summary>A fresh form: the only ticket type, or the hidden one whose link the visitor followed, is already chosen.</summary>
    public static BookingForm New(BookingFormModel model, string? ticketSecret, string? priorityToken) => new()
    {
        TicketTypeId = DefaultTicketType(model, ticketSecret),
        TicketSecret = ticketSecret,
        PriorityToken = priorityToken,
    };

    /// <summary>Every field of <paramref name="form"/> as (name, value) pairs for hidden inputs; a multiple choice gives one pair per choice.</summary>
    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(BookingForm form, BookingFormModel model)
    {
        yield return new(nameof(BookingForm.Name), form.Name);
        yield return new(nameof(BookingForm.Email), form.Email);
        yield return new(nameof(BookingForm.Organisation), form.Organisation);
        yield return new(nameof(BookingForm.JobTitle), form.JobTitle);
        if (form.TicketTypeId is { } type)
        {
            yield return new(nameof(BookingForm.TicketTypeId), type.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var q in model.Questions)
        {
            if (!form.Answers.TryGetValue(q.Id, out var answer))
            {
                continue;
            }

            var values = q.Kind == QuestionKind.MultipleChoice ? answer.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [answer];
            foreach (var value in values)
            {
                yield return new(BookingRules.AnswerField(q.Id), value);
            }
        }

        foreach (var id in form.SessionIds)
        {
            yield return new(nameof(BookingForm.SessionIds), id.ToString(CultureInfo.InvariantCulture));
        }

        yield return new(nameof(BookingForm.DietaryNeeds), form.DietaryNeeds);
        yield return new(nameof(BookingForm.AccessNeeds), form.AccessNeeds);
        if (form.PrivacyConsent)
        {
            yield return new(nameof(BookingForm.PrivacyConsent), "true");
        }
    }

    private static int? DefaultTicketType(BookingFormModel model, string? ticketSecret) =>
        model.TicketTypes.Count == 1 ? model.TicketTypes[0].Id
        : ticketSecret is not null && model.TicketTypes.FirstOrDefault(t => t.Hidden) is { } hidden ? hidden.Id
        : null;

    private static string Text(IFormCollection posted, string name) => posted[name].FirstOrDefault() ?? string.Empty;

    private static IEnumerable<int> Ids(StringValues values) =>
        values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null).OfType<int>().Distinct();
}
