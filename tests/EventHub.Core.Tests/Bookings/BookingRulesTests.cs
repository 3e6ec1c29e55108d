using EventHub.Core.Bookings;

namespace EventHub.Core.Tests.Bookings;

public sealed class BookingRulesTests
{
    [Theory]
    [InlineData("ann@devon.gov.uk", "devon.gov.uk", true)]
    [InlineData("Ann@DEVON.gov.uk ", "devon.gov.uk", true)]
    [InlineData("ann@devon.gov.uk", "*.gov.uk", true)]
    [InlineData("ann@a.b.gov.uk", "*.gov.uk", true)]
    [InlineData("ann@gov.uk", "*.gov.uk", false)]
    [InlineData("ann@notgov.uk", "*.gov.uk", false)]
    [InlineData("ann@devon.gov.uk.evil.com", "*.gov.uk", false)]
    [InlineData("ann@sub.devon.gov.uk", "devon.gov.uk", false)]
    [InlineData("ann@devon.gov.uk", "@devon.gov.uk", true)]
    [InlineData("ann@nhs.net", "*.gov.uk\nnhs.net", true)]
    [InlineData("ann@evil.com", "", false)]
    public void Email_domains_match_exactly_or_by_wildcard(string email, string rules, bool allowed) =>
        BookingRules.DomainAllowed(email, new BookingSettings { AllowedDomains = rules }.AllowedDomainList).ShouldBe(allowed);

    private static BookingForm ValidForm() => new()
    {
        Name = "Ann Example",
        Email = "ann@devon.gov.uk",
        Organisation = "Devon County Council",
        PrivacyConsent = true,
    };

    [Fact]
    public void A_complete_form_has_no_errors() => BookingRules.Validate(ValidForm(), []).ShouldBeEmpty();

    [Fact]
    public void Missing_name_email_organisation_and_consent_are_each_reported_against_their_field()
    {
        var errors = BookingRules.Validate(new BookingForm(), []);
        errors.Select(e => e.Field).ShouldBe(["Name", "Email", "Organisation", "PrivacyConsent"]);
        errors[0].Message.ShouldBe("Enter your full name");
    }

    [Fact]
    public void A_malformed_email_says_what_the_right_format_looks_like()
    {
        var form = ValidForm();
        form.Email = "ann at devon";
        BookingRules.Validate(form, []).ShouldHaveSingleItem().Message.ShouldContain("correct format");
    }

    [Fact]
    public void An_organiser_adding_by_hand_does_not_tick_consent_for_the_person()
    {
        var form = ValidForm();
        form.PrivacyConsent = false;
        BookingRules.Validate(form, [], requireConsent: false).ShouldBeEmpty();
    }

    private static RegistrationQuestion Q(int id, QuestionKind kind, bool required = true, string options = "") =>
        new() { Id = id, Text = "Question " + id, Kind = kind, Required = required, Options = options };

    [Fact]
    public void A_required_question_left_blank_is_an_error_on_that_question()
    {
        var errors = BookingRules.Validate(ValidForm(), [Q(7, QuestionKind.ShortText)]);
        errors.ShouldHaveSingleItem().Field.ShouldBe("Answer_7");
    }

    [Fact]
    public void An_optional_question_may_be_left_blank() =>
        BookingRules.Validate(ValidForm(), [Q(7, QuestionKind.LongText, required: false)]).ShouldBeEmpty();

    [Theory]
    [InlineData(QuestionKind.YesNo, "", "Yes", true)]
    [InlineData(QuestionKind.YesNo, "", "Maybe", false)]
    [InlineData(QuestionKind.SingleChoice, "Tea\nCoffee", "Coffee", true)]
    [InlineData(QuestionKind.SingleChoice, "Tea\nCoffee", "Beer", false)]
    [InlineData(QuestionKind.MultipleChoice, "Tea\nCoffee\nWater", "Tea\nWater", true)]
    [InlineData(QuestionKind.MultipleChoice, "Tea\nCoffee", "Tea\nBeer", false)]
    [InlineData(QuestionKind.ShortText, "", "one line", true)]
    [InlineData(QuestionKind.ShortText, "", "two\nlines", false)]
    [InlineData(QuestionKind.LongText, "", "two\nlines", true)]
    public void Answers_must_fit_the_kind_of_question(QuestionKind kind, string options, string answer, bool ok)
    {
        var form = ValidForm();
        form.Answers[1] = answer;
        BookingRules.Validate(form, [Q(1, kind, options: options)]).Count.ShouldBe(ok ? 0 : 1);
    }

    [Fact]
    public void Booking_references_are_short_readable_and_avoid_confusable_characters()
    {
        var refs = Enumerable.Range(0, 2000).Select(_ => BookingReferences.New()).ToList();
        refs.ShouldAllBe(r => r.Length == 9 && r[4] == '-');
        string.Concat(refs).ShouldNotContain("0");
        string.Concat(refs).ShouldNotContain("O");
        string.Concat(refs).ShouldNotContain("I");
        string.Concat(refs).ShouldNotContain("1");
        refs.Distinct().Count().ShouldBe(refs.Count);
    }

    [Fact]
    public void A_typed_reference_is_normalised_to_the_stored_form() =>
        BookingReferences.Normalise(" k7qm 3xpa ").ShouldBe("K7QM-3XPA");

    [Fact]
    public void With_several_ticket_types_on_offer_one_must_be_selected() =>
        BookingRules.Validate(ValidForm(), [], ticketTypesOffered: 2).ShouldHaveSingleItem()
            .ShouldBe(new EventHub.Core.Common.FieldError(nameof(BookingForm.TicketTypeId), "Select a ticket type"));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void With_one_ticket_type_or_none_nothing_needs_selecting(int offered) =>
        BookingRules.Validate(ValidForm(), [], ticketTypesOffered: offered).ShouldBeEmpty();

    [Fact]
    public void A_selected_ticket_type_satisfies_the_rule()
    {
        var form = ValidForm();
        form.TicketTypeId = 4;
        BookingRules.Validate(form, [], ticketTypesOffered: 3).ShouldBeEmpty();
    }
}
