using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Web.Features.Bookings;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EventHub.Web.Tests.Bookings;

public sealed class BookingFlowTests : BunitContext
{
    private readonly List<BookingForm> _submitted = [];
    private Outcome<BookingResult> _answer = Outcome<BookingResult>.Ok(new BookingResult(1, "K7QM-3XPA", "token-123", BookingStatus.Confirmed, null, "code"));

    public BookingFlowTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddOptions<SiteSettings>().Configure(s => (s.ControllerName, s.RetentionMonths, s.NeedsRetentionDays) = ("Devon County Council", 6, 3));
    }

    private static BookingFormModel Model(int capacity = 50, int taken = 0, params RegistrationQuestion[] questions)
    {
        var ev = new Event
        {
            Id = 7, Title = "Digital Forum", Slug = "digital-forum", Status = EventStatus.Published, Capacity = capacity, PlacesTaken = taken,
            StartUtc = new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc),
        };
        return new BookingFormModel(ev, BookingWindow.Open, [], questions, [], BookingSettings.DefaultFor(7));
    }

    private IRenderedComponent<BookingFlow> RenderFlow(BookingFormModel model, BookingForm? form = null) =>
        Render<BookingFlow>(p => p
            .Add(c => c.Model, model)
            .Add(c => c.Form, form ?? new BookingForm())
            .Add(c => c.Submit, f =>
            {
                _submitted.Add(f);
                return Task.FromResult(_answer);
            })
            .Add(c => c.ResendLink, _ => Task.CompletedTask));

    private static void Fill(IRenderedComponent<BookingFlow> cut, string id, string value) => cut.Find($"#{id}").Change(value);

    private static void FillValid(IRenderedComponent<BookingFlow> cut)
    {
        Fill(cut, "Name", "Ann Example");
        Fill(cut, "Email", "ann@devon.gov.uk");
        Fill(cut, "Organisation", "Devon County Council");
        cut.Find("#PrivacyConsent").Change(true);
    }

    [Fact]
    public void The_form_says_what_is_kept_and_for_how_long_and_links_the_event_privacy_notice()
    {
        var cut = RenderFlow(Model());

        cut.Find("[data-testid=privacy-kept]").TextContent.ShouldContain("Devon County Council keeps your name, email address, organisation and answers for 6 months after the event");
        cut.Find("[data-testid=privacy-kept]").TextContent.ShouldContain("dietary or access needs for 3 days");
        cut.Find("[data-testid=privacy-link]").GetAttribute("href").ShouldBe("/events/digital-forum/privacy");
        cut.Markup.ShouldNotContain("delete them afterwards");
    }

    [Fact]
    public void Continuing_with_an_empty_form_shows_the_error_summary_linking_to_each_field()
    {
        var cut = RenderFlow(Model());

        cut.Find("form").Submit();

        var summary = cut.Find("[data-testid=error-summary]");
        summary.TextContent.ShouldContain("There is a problem");
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        links.ShouldContain(h => h.EndsWith("#Name", StringComparison.Ordinal));
        links.ShouldContain(h => h.EndsWith("#Email", StringComparison.Ordinal));
        links.ShouldContain(h => h.EndsWith("#PrivacyConsent", StringComparison.Ordinal));
        cut.Find("#Name").GetAttribute("aria-invalid").ShouldBe("true");
        _submitted.ShouldBeEmpty();
    }

    [Fact]
    public void The_form_keeps_what_was_typed_when_it_shows_errors()
    {
        var cut = RenderFlow(Model());
        Fill(cut, "Name", "Ann Example");
        Fill(cut, "Email", "not-an-email");

        cut.Find("form").Submit();

        cut.Find("#Name").GetAttribute("value").ShouldBe("Ann Example");
        cut.Find("#Email").GetAttribute("value").ShouldBe("not-an-email");
        cut.Markup.ShouldContain("Enter an email address in the correct format");
    }

    [Fact]
    public void A_required_question_must_be_answered_before_checking_answers()
    {
        var q = new RegistrationQuestion { Id = 3, Text = "Which team are you in?", Kind = QuestionKind.SingleChoice, Required = true, Options = "Digital\nFinance" };
        var cut = RenderFlow(Model(questions: q));
        FillValid(cut);

        cut.Find("form").Submit();
        cut.Find("[data-testid=error-summary]").TextContent.ShouldContain("Which team are you in?");

        cut.Find("input[name=Answer_3][value=Finance]").Change(true);
        cut.Find("form").Submit();
        cut.Find("[data-testid=check-answers]").TextContent.ShouldContain("Finance");
    }

    [Fact]
    public void Check_your_answers_shows_what_was_typed_and_nothing_is_booked_until_confirmed()
    {
        var cut = RenderFlow(Model());
        FillValid(cut);
        Fill(cut, "DietaryNeeds", "Vegan");

        cut.Find("form").Submit();

        var check = cut.Find("[data-testid=check-answers]").TextContent;
        check.ShouldContain("Ann Example");
        check.ShouldContain("ann@devon.gov.uk");
        check.ShouldContain("Vegan");
        _submitted.ShouldBeEmpty();

        cut.Find("[data-testid=confirm-booking]").Click();

        _submitted.ShouldHaveSingleItem().Email.ShouldBe("ann@devon.gov.uk");
        cut.Find("[data-testid=booking-reference]").TextContent.ShouldBe("K7QM-3XPA");
        cut.Find("[data-testid=manage-link]").GetAttribute("href").ShouldBe("/manage/token-123");
    }

    [Fact]
    public void Change_your_answers_goes_back_to_the_form_with_the_answers_kept()
    {
        var cut = RenderFlow(Model());
        FillValid(cut);
        cut.Find("form").Submit();

        cut.Find("[data-testid=change-answers]").Click();

        cut.Find("#Name").GetAttribute("value").ShouldBe("Ann Example");
    }

    [Fact]
    public void Joining_a_full_event_says_so_and_shows_the_waiting_list_position()
    {
        _answer = Outcome<BookingResult>.Ok(new BookingResult(2, "ABCD-EFGH", "tok", BookingStatus.Waiting, 1, null));
        var cut = RenderFlow(Model(capacity: 1, taken: 1));
        cut.Find("[data-testid=full-notice]").TextContent.ShouldContain("waiting list");
        FillValid(cut);
        cut.Find("form").Submit();

        cut.Find("[data-testid=confirm-booking]").TextContent.ShouldBe("Join the waiting list");
        cut.Find("[data-testid=confirm-booking]").Click();

        cut.Find("h1").TextContent.ShouldBe("You are on the waiting list");
        cut.Find("[data-testid=waitlist-position]").TextContent.ShouldContain("number 1");
    }

    [Fact]
    public void A_second_booking_with_the_same_email_offers_to_send_the_link_again()
    {
        _answer = Outcome<BookingResult>.Refused(BookingErrors.AlreadyBooked);
        var cut = RenderFlow(Model());
        FillValid(cut);
        cut.Find("form").Submit();
        cut.Find("[data-testid=confirm-booking]").Click();

        cut.Find("[data-testid=already-booked]").TextContent.ShouldContain("already has a booking");
        cut.Find("#Email").GetAttribute("value").ShouldBe("ann@devon.gov.uk");
        cut.Find("[data-testid=resend-link]").Click();
        cut.Find("[data-testid=link-resent]").TextContent.ShouldContain("ann@devon.gov.uk");
    }

    [Fact]
    public void The_ticket_qr_is_a_png_data_uri() =>
        ManagePageQr.DataUri("abc").ShouldStartWith("data:image/png;base64,");

    [Fact]
    public void With_several_ticket_types_one_must_be_selected_before_checking_answers()
    {
        var model = Model() with
        {
            TicketTypes = [new TicketType { Id = 1, Name = "Council staff" }, new TicketType { Id = 2, Name = "Partners" }],
        };
        var cut = RenderFlow(model);
        FillValid(cut);

        cut.Find("form").Submit();

        cut.Find("[data-testid=error-summary]").QuerySelectorAll("a").ShouldContain(a => a.GetAttribute("href")!.EndsWith("#TicketTypeId", StringComparison.Ordinal));
        cut.Find("#TicketTypeId-error").TextContent.ShouldContain("Select a ticket type");
        cut.Find("[data-testid=ticket-2]").Change(true);
        cut.Find("form").Submit();
        cut.Find("[data-testid=check-answers]").TextContent.ShouldContain("Partners");
    }

    [Fact]
    public async Task The_question_fields_report_every_ticked_choice_one_per_line()
    {
        var q = new RegistrationQuestion { Id = 5, Text = "Which days?", Kind = QuestionKind.MultipleChoice, Options = "Monday\nTuesday\nWednesday" };
        var answers = new Dictionary<int, string> { [5] = "Monday" };
        QuestionAnswer? reported = null;
        var cut = Render<BookingQuestionFields>(p => p
            .Add(c => c.Questions, [q])
            .Add(c => c.Answers, answers)
            .Add(c => c.Errors, [])
            .Add(c => c.AnswerChanged, a => reported = a));

        cut.Find("input[name=Answer_5][value=Monday]").HasAttribute("checked").ShouldBeTrue();
        await cut.Find("input[name=Answer_5][value=Wednesday]").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        reported.ShouldBe(new QuestionAnswer(5, "Monday\nWednesday"));
        answers[5].ShouldBe("Monday", "the component reports the change and leaves the answers to its owner");
    }
}
