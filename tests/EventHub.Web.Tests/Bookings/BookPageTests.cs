using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Bookings;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Web.Tests.Bookings;

/// <summary>
/// The book page as plain forms: each step is a POST the page answers from what was posted, with the real booking
/// services on a real SQLite file. The browser journeys (JavaScript on and off) are in the EndToEnd project.
/// </summary>
public sealed class BookPageTests : BunitContext, IAsyncLifetime
{
    private readonly PlainForm _request = new();
    private TestDatabase _database = default!;
    private BookingWriteGate _gate = default!;
    private FakeTimeProvider _clock = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _gate = new BookingWriteGate();
        _clock = Clock.At();
        PlainForm.AddServices(this);
        var site = Microsoft.Extensions.Options.Options.Create(new Core.Common.SiteSettings { ControllerName = "Devon County Council" });
        Services.AddSingleton(site);
        Services.AddSingleton(new PublicBooking(_database, _clock));
        Services.AddSingleton(new BookingService(_database, _clock, _gate));
        var retention = new Core.Privacy.RetentionService(_database, _clock,
            Microsoft.Extensions.Options.Options.Create(new Core.Privacy.PrivacyOptions { PersonalDataMonths = 6, NeedsDays = 3 }));
        Services.AddSingleton(new Core.Privacy.PrivacyNotices(_database, site, retention));
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _gate.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_form_says_what_is_kept_and_for_how_long_and_links_the_event_privacy_notice()
    {
        await AddEventAsync();
        var page = RenderPage();

        page.Find("[data-testid=privacy-kept]").TextContent.ShouldContain("Devon County Council keeps your name, email address, organisation and answers for 6 months after the event");
        page.Find("[data-testid=privacy-kept]").TextContent.ShouldContain("dietary or access needs for 3 days");
        page.Find("[data-testid=privacy-link]").GetAttribute("href").ShouldBe("/events/forum/privacy");
    }

    [Fact]
    public async Task The_retention_sentence_uses_the_event_own_periods_then_its_series()
    {
        var eventId = await AddEventAsync(series: true);
        await using (var db = _database.CreateDbContext())
        {
            var seriesId = await db.Events.Where(e => e.Id == eventId).Select(e => e.SeriesId!.Value).SingleAsync(Ct);
            db.Add(new Core.Privacy.RetentionSetting { SeriesId = seriesId, PersonalDataMonths = 24, NeedsDays = 14 });
            db.Add(new Core.Privacy.RetentionSetting { EventId = eventId, NeedsDays = 1 });
            await db.SaveChangesAsync(Ct);
        }

        var kept = RenderPage().Find("[data-testid=privacy-kept]").TextContent;

        kept.ShouldContain("answers for 24 months after the event", customMessage: "the series' period, which the event does not override");
        kept.ShouldContain("dietary or access needs for 1 day after it", customMessage: "the event's own period");
    }

    [Fact]
    public async Task The_form_is_a_plain_post_whose_fields_all_have_names()
    {
        await AddEventAsync();
        var page = RenderPage();

        var form = page.Find("[data-testid=booking-form]");
        form.GetAttribute("method").ShouldBe("post");
        form.HasAttribute("data-enhance").ShouldBeTrue();
        foreach (var id in new[] { "Name", "Email", "Organisation", "JobTitle", "DietaryNeeds", "AccessNeeds", "PrivacyConsent" })
        {
            page.Find("#" + id).GetAttribute("name").ShouldBe(id);
        }
    }

    [Fact]
    public async Task Continuing_with_an_empty_form_shows_the_error_summary_linking_to_each_field()
    {
        await AddEventAsync();
        var page = RenderPage();

        await _request.PressAsync(page, "[data-testid=continue]");

        var summary = page.Find("[data-testid=error-summary]");
        summary.TextContent.ShouldContain("There is a problem");
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        links.ShouldContain(h => h.EndsWith("#Name", StringComparison.Ordinal));
        links.ShouldContain(h => h.EndsWith("#Email", StringComparison.Ordinal));
        links.ShouldContain(h => h.EndsWith("#PrivacyConsent", StringComparison.Ordinal));
        page.Find("#Name").GetAttribute("aria-invalid").ShouldBe("true");
        (await BookingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_form_keeps_what_was_typed_when_it_shows_errors()
    {
        await AddEventAsync();
        var page = RenderPage();
        PlainForm.Type(page, "Name", "Ann Example");
        PlainForm.Type(page, "Email", "not-an-email");
        PlainForm.Type(page, "AccessNeeds", "A hearing loop");

        await _request.PressAsync(page, "[data-testid=continue]");

        page.Find("#Name").GetAttribute("value").ShouldBe("Ann Example");
        page.Find("#Email").GetAttribute("value").ShouldBe("not-an-email");
        page.Find("#AccessNeeds").GetAttribute("value").ShouldBe("A hearing loop");
        page.Markup.ShouldContain("Enter an email address in the correct format");
    }

    [Fact]
    public async Task Over_long_text_is_refused_with_a_clear_error_and_kept_in_full_rather_than_cut_silently()
    {
        var eventId = await AddEventAsync();
        await using (var db = _database.CreateDbContext())
        {
            db.Add(new RegistrationQuestion { EventId = eventId, Text = "Anything else?", Kind = QuestionKind.LongText });
            await db.SaveChangesAsync(Ct);
        }

        var page = RenderPage();
        page.FindAll("[maxlength]").ShouldBeEmpty("a maxlength cuts pasted text without saying so");
        var pasted = string.Concat(Enumerable.Repeat("Annabel Example-", 15)); // 240 characters
        FillValid(page);
        PlainForm.Type(page, "Name", pasted);

        await _request.PressAsync(page, "[data-testid=continue]");

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("There is a problem");
        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Full name must be 200 characters or fewer");
        page.Find("#Name").GetAttribute("value").ShouldBe(pasted);
        page.FindAll("[maxlength]").ShouldBeEmpty();
        await using var check = _database.CreateDbContext();
        (await check.Set<Booking>().CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_required_question_must_be_answered_and_every_answer_is_carried_to_the_confirmed_booking()
    {
        var eventId = await AddEventAsync();
        await using (var db = _database.CreateDbContext())
        {
            db.Add(new RegistrationQuestion { EventId = eventId, Text = "Which team are you in?", Kind = QuestionKind.SingleChoice, Required = true, Options = "Digital\nFinance" });
            db.Add(new RegistrationQuestion { EventId = eventId, Text = "Which days?", Kind = QuestionKind.MultipleChoice, Options = "Monday\nTuesday\nWednesday", SortOrder = 1 });
            await db.SaveChangesAsync(Ct);
        }

        var page = RenderPage();
        FillValid(page);
        await _request.PressAsync(page, "[data-testid=continue]");
        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Which team are you in?");

        PlainForm.Tick(page, "input[value=Finance]");
        PlainForm.Tick(page, "input[value=Monday]");
        PlainForm.Tick(page, "input[value=Wednesday]");
        await _request.PressAsync(page, "[data-testid=continue]");
        page.Find("[data-testid=check-answers]").TextContent.ShouldContain("Finance");
        page.Find("[data-testid=check-answers]").TextContent.ShouldContain("Monday, Wednesday");

        await _request.PressAsync(page, "[data-testid=confirm-booking]");

        page.Find("h1").TextContent.ShouldBe("Check your email");
        await using var check = _database.CreateDbContext();
        var answers = await check.Set<BookingAnswer>().AsNoTracking().OrderBy(a => a.QuestionId).Select(a => a.Value).ToListAsync(Ct);
        answers.ShouldBe(["Finance", "Monday\nWednesday"]);
    }

    [Fact]
    public async Task Check_your_answers_shows_what_was_typed_and_nothing_is_booked_until_confirmed()
    {
        await AddEventAsync();
        var page = RenderPage();
        FillValid(page);
        PlainForm.Type(page, "DietaryNeeds", "Vegan");

        await _request.PressAsync(page, "[data-testid=continue]");

        var check = page.Find("[data-testid=check-answers]").TextContent;
        check.ShouldContain("Ann Example");
        check.ShouldContain("ann@devon.gov.uk");
        check.ShouldContain("Vegan");
        (await BookingsAsync()).ShouldBeEmpty();

        await _request.PressAsync(page, "[data-testid=confirm-booking]");

        var booking = (await BookingsAsync()).ShouldHaveSingleItem();
        booking.Email.ShouldBe("ann@devon.gov.uk");
        booking.DietaryNeeds.ShouldBe("Vegan");
        page.Find("h1").TextContent.ShouldBe("Check your email");
        page.Find("[data-testid=booking-done]").TextContent.ShouldContain("ann@devon.gov.uk");
        page.Markup.ShouldNotContain(await ManageTokenSentAsync(), customMessage: "the manage link reaches a person only by email");
        page.Markup.ShouldNotContain(booking.Reference);
    }

    [Fact]
    public async Task With_places_held_until_the_address_is_confirmed_the_form_and_the_done_page_say_so_plainly()
    {
        await AddEventHoldingPlacesAsync();

        var page = RenderPage();
        page.Find("[data-testid=hold-notice]").TextContent.ShouldContain("we hold a place for you for 30 minutes");
        FillValid(page);
        await _request.PressAsync(page, "[data-testid=continue]");
        await _request.PressAsync(page, "[data-testid=confirm-booking]");

        page.Find("[data-testid=hold-done]").TextContent.ShouldContain("only held for 30 minutes");
        (await BookingsAsync()).ShouldHaveSingleItem().Status.ShouldBe(BookingStatus.Held);
    }

    [Fact]
    public async Task Without_holding_the_form_says_nothing_about_confirming_the_address()
    {
        await AddEventAsync();

        RenderPage().FindAll("[data-testid=hold-notice]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Change_your_answers_goes_back_to_the_form_with_the_answers_kept()
    {
        await AddEventAsync();
        var page = RenderPage();
        FillValid(page);
        await _request.PressAsync(page, "[data-testid=continue]");

        await _request.PressAsync(page, "[data-testid=change-answers]");

        page.Find("#Name").GetAttribute("value").ShouldBe("Ann Example");
        page.Find("#PrivacyConsent").HasAttribute("checked").ShouldBeTrue();
        (await BookingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Joining_a_full_event_says_so_and_the_answer_is_check_your_email()
    {
        await AddEventAsync(capacity: 1, taken: 1);
        var page = RenderPage();
        page.Find("[data-testid=full-notice]").TextContent.ShouldContain("waiting list");
        FillValid(page);
        await _request.PressAsync(page, "[data-testid=continue]");

        page.Find("[data-testid=confirm-booking]").TextContent.ShouldBe("Join the waiting list");
        await _request.PressAsync(page, "[data-testid=confirm-booking]");

        page.Find("h1").TextContent.ShouldBe("Check your email");
        (await BookingsAsync()).ShouldHaveSingleItem().Status.ShouldBe(BookingStatus.Waiting);
    }

    [Fact]
    public async Task A_second_booking_with_the_same_email_gets_the_same_answer_as_the_first_and_can_ask_for_the_email_again()
    {
        await AddEventAsync();
        var (first, page, again) = await BookThenCheckAgainAsync();
        await again.PressAsync(page, "[data-testid=confirm-booking]");

        page.Find("[data-testid=booking-done]").TextContent.ShouldBe(first.Find("[data-testid=booking-done]").TextContent);
        page.Find("h1").TextContent.ShouldBe("Check your email");
        await again.PressAsync(page, "[data-testid=resend-link]");
        page.Find("[data-testid=link-resent]").TextContent.ShouldContain("sent the email again");
        (await BookingsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Where_places_are_held_a_second_booking_with_the_same_email_is_told_the_place_is_held_as_the_first_was()
    {
        await AddEventHoldingPlacesAsync();

        var (first, page, again) = await BookThenCheckAgainAsync();
        page.Markup.ShouldNotContain("name=\"Held\"", customMessage: "the page no longer carries the event's setting in a hidden field");
        await again.PressAsync(page, "[data-testid=confirm-booking]");

        first.Find("[data-testid=hold-done]").TextContent.ShouldContain("only held for 30 minutes");
        page.Find("[data-testid=booking-done]").TextContent.ShouldBe(first.Find("[data-testid=booking-done]").TextContent);
        (await BookingsAsync()).ShouldHaveSingleItem().Status.ShouldBe(BookingStatus.Held);
    }

    [Fact]
    public async Task With_several_ticket_types_one_must_be_selected_before_checking_answers()
    {
        var eventId = await AddEventAsync();
        await using (var db = _database.CreateDbContext())
        {
            db.Add(new TicketType { EventId = eventId, Name = "Council staff" });
            db.Add(new TicketType { EventId = eventId, Name = "Partners", SortOrder = 1 });
            await db.SaveChangesAsync(Ct);
        }

        var page = RenderPage();
        FillValid(page);
        await _request.PressAsync(page, "[data-testid=continue]");

        page.Find("[data-testid=error-summary]").QuerySelectorAll("a").ShouldContain(a => a.GetAttribute("href")!.EndsWith("#TicketTypeId", StringComparison.Ordinal));
        page.Find("#TicketTypeId-error").TextContent.ShouldContain("Select a ticket type");
        PlainForm.Tick(page, "input[name=TicketTypeId]:not(#TicketTypeId)");
        await _request.PressAsync(page, "[data-testid=continue]");
        page.Find("[data-testid=check-answers]").TextContent.ShouldContain("Partners");
        await _request.PressAsync(page, "[data-testid=confirm-booking]");

        await using var check = _database.CreateDbContext();
        var partners = await check.Set<TicketType>().SingleAsync(t => t.Name == "Partners", Ct);
        (await BookingsAsync()).ShouldHaveSingleItem().TicketTypeId.ShouldBe(partners.Id);
    }

    [Fact]
    public async Task Who_the_places_are_for_leads_the_notice_at_the_top_of_the_form()
    {
        await AddEventAsync(series: true);
        await RuleAsync(OutsideDomainAction.RequestApproval, placesAreFor: "Places are for people who work in the public sector in Devon");

        var page = RenderPage();

        page.Find("[data-testid=eligibility]").TextContent.ShouldBe("Who may book: Places are for people who work in the public sector in Devon. "
            + "Book with an email address ending devon.gov.uk or a subdomain of it. Others may ask for approval.");
    }

    [Fact]
    public async Task The_rule_is_said_at_the_top_and_at_the_email_field_and_a_refused_address_is_marked_before_check_your_answers()
    {
        await AddEventAsync(series: true);
        await RuleAsync(OutsideDomainAction.Refuse);
        var page = RenderPage();

        page.Find("[data-testid=eligibility]").TextContent.ShouldContain("Places are for people with an email address ending devon.gov.uk or a subdomain of it. Other email addresses cannot book.");
        page.Find("#Email-hint").TextContent.ShouldContain("Use your address ending devon.gov.uk or a subdomain of it.");
        FillValid(page);
        PlainForm.Type(page, "Email", "eve@example.com");

        await _request.PressAsync(page, "[data-testid=continue]");

        page.FindAll("[data-testid=check-answers]").ShouldBeEmpty();
        page.Find("[data-testid=error-summary] a[href$='#Email']").TextContent.ShouldContain("Only email addresses ending devon.gov.uk or a subdomain of it can book this event");
        page.Find("#Email-error").TextContent.ShouldContain("Only email addresses ending devon.gov.uk");
        page.Find("#Email").GetAttribute("value").ShouldBe("eve@example.com");
        page.Find("[data-testid=not-eligible-mailing-list]").GetAttribute("href").ShouldBe("/series/digital-forums/mailing-list");
        (await BookingsAsync()).ShouldBeEmpty();

        PlainForm.Type(page, "Email", "ann@schools.devon.gov.uk");
        await _request.PressAsync(page, "[data-testid=continue]");
        page.Find("[data-testid=check-answers]").TextContent.ShouldContain("ann@schools.devon.gov.uk");
        page.FindAll("[data-testid=request-notice]").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_address_outside_a_rule_that_allows_requests_is_told_before_confirming_that_it_asks_for_approval()
    {
        await AddEventAsync(series: true);
        await RuleAsync(OutsideDomainAction.RequestApproval);
        var page = RenderPage();
        page.Find("[data-testid=eligibility]").TextContent.ShouldContain("Others may ask for approval.");
        FillValid(page);
        PlainForm.Type(page, "Email", "eve@example.com");

        await _request.PressAsync(page, "[data-testid=continue]");

        page.Find("[data-testid=request-notice]").TextContent.ShouldContain("Your email address does not end devon.gov.uk or a subdomain of it, so this will be a request for a place");
        await _request.PressAsync(page, "[data-testid=confirm-booking]");
        (await BookingsAsync()).ShouldHaveSingleItem().Status.ShouldBe(BookingStatus.AwaitingApproval);
    }

    [Fact]
    public async Task An_event_open_to_all_shows_no_rule()
    {
        await AddEventAsync();
        var page = RenderPage();

        page.FindAll("[data-testid=eligibility]").ShouldBeEmpty();
        page.Find("#Email-hint").TextContent.ShouldBe("We will send your ticket and your private booking link here.");
    }

    [Fact]
    public void The_ticket_qr_is_a_png_data_uri() =>
        ManagePageQr.DataUri("abc").ShouldStartWith("data:image/png;base64,");

    [Fact]
    public async Task A_confirm_post_books_what_it_carries_without_the_form_having_been_shown_in_that_request()
    {
        var eventId = await AddEventAsync();
        int days;
        await using (var db = _database.CreateDbContext())
        {
            var question = new RegistrationQuestion { EventId = eventId, Text = "Which days?", Kind = QuestionKind.MultipleChoice, Options = "Monday\nTuesday\nWednesday" };
            db.Add(question);
            await db.SaveChangesAsync(Ct);
            days = question.Id;
        }

        // What "check your answers" posts on; a fresh request, as a browser sends it (the page's own reads start here).
        var page = await ConfirmPostAsync(new()
        {
            ["Name"] = "Ann Example", ["Email"] = "ann@devon.gov.uk", ["Organisation"] = "Devon County Council",
            ["PrivacyConsent"] = "true", [BookingRules.AnswerField(days)] = new[] { "Monday", "Wednesday" },
        });

        page.Find("h1").TextContent.ShouldBe("Check your email");
        page.Find("[data-testid=booking-done]").TextContent.ShouldContain("ann@devon.gov.uk");
        var booking = (await BookingsAsync()).ShouldHaveSingleItem();
        booking.Status.ShouldBe(BookingStatus.Confirmed);
        await using var check = _database.CreateDbContext();
        (await check.Set<BookingAnswer>().AsNoTracking().Select(a => a.Value).SingleAsync(Ct)).ShouldBe("Monday\nWednesday");
    }

    [Fact]
    public async Task A_confirm_post_that_is_refused_shows_the_form_again_with_what_was_typed_and_why()
    {
        await AddEventAsync();

        var page = await ConfirmPostAsync(new()
        {
            ["Name"] = "Ann Example", ["Email"] = "ann@devon.gov.uk", ["Organisation"] = "Devon County Council",
        });

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("privacy notice");
        page.Find("#Name").GetAttribute("value").ShouldBe("Ann Example");
        page.Find("#Organisation").GetAttribute("value").ShouldBe("Devon County Council");
        (await BookingsAsync()).ShouldBeEmpty();
    }

    private async Task<IRenderedComponent<BookPage>> ConfirmPostAsync(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> fields)
    {
        fields[BookingFormPost.Action] = BookingFormPost.Confirm;
        _request.Http.Request.Method = "POST";
        _request.Http.Request.ContentType = "application/x-www-form-urlencoded";
        _request.Http.Request.Form = new Microsoft.AspNetCore.Http.FormCollection(fields);
        var page = RenderPage();
        // The form a confirm POST answers is the one the page renders for it; its handler books.
        await page.Find("form").SubmitAsync();
        return page;
    }

    private IRenderedComponent<BookPage> RenderPage() =>
        Render<BookPage>(p => p.Add(x => x.Slug, "forum").AddCascadingValue(_request.Http));

    private static void FillValid(IRenderedComponent<BookPage> page)
    {
        PlainForm.Type(page, "Name", "Ann Example");
        PlainForm.Type(page, "Email", "ann@devon.gov.uk");
        PlainForm.Type(page, "Organisation", "Devon County Council");
        PlainForm.Tick(page, "#PrivacyConsent");
    }

    private async Task RuleAsync(OutsideDomainAction outside, string placesAreFor = "")
    {
        await using var db = _database.CreateDbContext();
        var eventId = await db.Events.Where(e => e.Slug == "forum").Select(e => e.Id).SingleAsync(Ct);
        db.Add(new BookingSettings
        {
            EventId = eventId, Eligibility = EligibilityMode.AllowedDomains, AllowedDomains = "devon.gov.uk\n*.devon.gov.uk", OutsideDomain = outside,
            PlacesAreFor = placesAreFor,
        });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<int> AddEventAsync(int capacity = 50, int taken = 0, bool series = false)
    {
        await using var db = _database.CreateDbContext();
        var now = _clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Digital Forum", Slug = "forum", Status = EventStatus.Published, Capacity = capacity, PlacesTaken = taken,
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(7), CreatedUtc = now, UpdatedUtc = now,
            Series = series ? new EventSeries { Name = "Digital Forums", Slug = "digital-forums", CreatedUtc = now } : null,
        };
        db.Add(ev);
        await db.SaveChangesAsync(Ct);
        return ev.Id;
    }

    /// <summary>Books with <see cref="FillValid"/>, then a second visitor types the same and reaches "check your answers".</summary>
    private async Task<(IRenderedComponent<BookPage> First, IRenderedComponent<BookPage> Again, PlainForm AgainRequest)> BookThenCheckAgainAsync()
    {
        var first = RenderPage();
        FillValid(first);
        await _request.PressAsync(first, "[data-testid=continue]");
        await _request.PressAsync(first, "[data-testid=confirm-booking]");
        var again = new PlainForm();
        var page = Render<BookPage>(p => p.Add(x => x.Slug, "forum").AddCascadingValue(again.Http));
        FillValid(page);
        await again.PressAsync(page, "[data-testid=continue]");
        return (first, page, again);
    }

    private async Task AddEventHoldingPlacesAsync()
    {
        var eventId = await AddEventAsync();
        await using var db = _database.CreateDbContext();
        db.Add(new BookingSettings { EventId = eventId, HoldUntilEmailConfirmed = true });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<List<Core.Bookings.Booking>> BookingsAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Set<Core.Bookings.Booking>().AsNoTracking().ToListAsync(Ct);
    }

    private async Task<string> ManageTokenSentAsync()
    {
        await using var db = _database.CreateDbContext();
        var payload = await db.Set<Core.Email.OutboxMessage>().AsNoTracking().Select(m => m.PayloadJson).SingleAsync(Ct);
        return System.Text.Json.JsonSerializer.Deserialize<BookingMessagePayload>(payload)!.ManageToken;
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
}
