using System.Security.Claims;
using Bunit;
using EventHub.Core.Bookings;
using EventHub.Core.Events;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Bookings;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace EventHub.Web.Tests.Bookings;

/// <summary>The organiser's booking pages and the offer links, on the real services and a real SQLite file.</summary>
public sealed class BookingAdminPagesTests : WebTestContext
{
    private BookingWriteGate _gate = default!;
    private BookingService _bookings = default!;
    private TicketTypeAdminService _ticketTypes = default!;
    private QuestionAdminService _questions = default!;
    private int _eventId;

    protected override async Task OnInitializedAsync()
    {
        _gate = new BookingWriteGate();
        _bookings = new BookingService(Core.Database, Core.Clock, _gate);
        _ticketTypes = new TicketTypeAdminService(Core.Database, Core.Clock, _gate);
        _questions = new QuestionAdminService(Core.Database, Core.Clock, _gate);
        Services.AddSingleton(_bookings);
        Services.AddSingleton(_ticketTypes);
        Services.AddSingleton(_questions);
        Services.AddSingleton(new AttendeeService(Core.Database, Core.Clock, _gate, _bookings));
        Services.AddSingleton(new BookingSettingsService(Core.Database, Core.Clock, _gate));
        Services.AddSingleton(new BookingMoveService(Core.Database, Core.Clock, _gate));
        Services.AddSingleton(new BookingAuditLog(Core.Database));
        Services.AddSingleton(new EventHub.Core.Events.Access.EventAccess(Core.Database));
        Services.AddSingleton(new EventHub.Core.Privacy.RetentionService(Core.Database, Core.Clock, Microsoft.Extensions.Options.Options.Create(new EventHub.Core.Privacy.PrivacyOptions())));
        await using var db = Core.Database.CreateDbContext();
        var now = Core.Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Digital Forum", Slug = "digital-forum", Status = EventStatus.Published, Capacity = 1, TimeZoneId = "America/New_York",
            StartUtc = now.AddDays(30), EndUtc = now.AddDays(30).AddHours(6), CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync();
        _eventId = ev.Id;
        await Teams.JoinEventAsync(Core.Database, Actors.Organiser, _eventId, EventHub.Core.Events.Access.TeamRole.Owner, canSeeNeeds: true);
    }

    private void SignInAsAdministrator()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("Ada Admin");
        auth.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, "admin-1"), new Claim(OrganiserClaims.DisplayName, "Ada Admin"),
            new Claim(OrganiserClaims.Administrator, "true"));
    }

    private async Task<BookingResult> BookAsync(string name, int? ticket = null)
    {
        var form = new BookingForm { Name = name, Email = name.Split(' ')[0].ToLowerInvariant() + "@devon.gov.uk", TicketTypeId = ticket, Organisation = "Devon County Council", PrivacyConsent = true };
        var outcome = await _bookings.BookAsync(new BookingRequest(_eventId, form));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    [Fact]
    public async Task Removing_a_booked_ticket_type_says_why_not_and_reordering_works_from_the_buttons()
    {
        SignInAsOrganiser();
        var staff = (await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "Council staff", "", null, false)).Value!;
        await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "Partners", "", null, false);
        await BookAsync("Ann Example", staff.Id);
        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=ticket-types]"));

        page.Find($"[data-testid=ticket-type-{staff.Id}] [data-testid=ticket-type-remove]").Click();
        page.Find("[data-testid=ticket-type-remove-confirm]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent
            .ShouldContain("\"Council staff\" cannot be removed because 1 booking uses it"));
        Services.GetRequiredService<ISnackbar>().ShownSnackbars.ShouldContain(s => s.Message != null && s.Message.Contains("cannot be removed", StringComparison.Ordinal));
        page.FindAll("[data-testid=ticket-types] > li").Count.ShouldBe(2);

        page.Find($"[data-testid=ticket-type-{staff.Id}] [data-testid=ticket-type-down]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=ticket-types] strong").Select(e => e.TextContent).ShouldBe(["Partners", "Council staff"]));
        page.Find($"[data-testid=ticket-type-{staff.Id}] [data-testid=ticket-type-down]").HasAttribute("disabled").ShouldBeTrue();
        (await _ticketTypes.ListAsync(Actors.Organiser, _eventId)).Select(t => t.Name).ShouldBe(["Partners", "Council staff"]);
    }

    [Fact]
    public async Task Who_the_places_are_for_is_refused_when_too_long_with_the_text_kept_and_then_saved()
    {
        SignInAsOrganiser();
        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));
        page.WaitForAssertion(() => page.Find("#PlacesAreFor"));
        var tooLong = new string('a', BookingRules.MaxPlacesAreForLength + 5);

        page.Find("#PlacesAreFor").Change(tooLong);
        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-summary] a[href$='#PlacesAreFor']").TextContent.ShouldContain("Who the places are for must be"));
        page.Find("#PlacesAreFor").GetAttribute("value").ShouldBe(tooLong);
        page.Find("#PlacesAreFor").HasAttribute("maxlength").ShouldBeFalse();

        page.Find("#PlacesAreFor").Change("Places are for people who work in the public sector in Devon");
        page.Find("[data-testid=save-settings]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=settings-message]").TextContent.ShouldBe("Booking settings saved."));
        await using var db = Core.Database.CreateDbContext();
        (await db.Set<BookingSettings>().SingleAsync(s => s.EventId == _eventId, Xunit.TestContext.Current.CancellationToken)).PlacesAreFor
            .ShouldBe("Places are for people who work in the public sector in Devon");
    }

    [Fact]
    public async Task Changing_a_ticket_type_quota_below_the_places_taken_shows_the_error_and_keeps_the_input()
    {
        SignInAsOrganiser();
        await using (var db = Core.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == _eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, 10), Xunit.TestContext.Current.CancellationToken);
        }

        var staff = (await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "Council staff", "", 1, false)).Value!;
        await BookAsync("Ann Example", staff.Id);
        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=ticket-type-change]"));
        page.Find("[data-testid=ticket-type-change]").Click();

        page.Find("#ticket-Name").GetAttribute("value").ShouldBe("Council staff");
        page.Find("#ticket-Name").Change("Staff");
        page.Find("#ticket-Quota").Change("0");
        page.Find("[data-testid=save-ticket-type]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Quota must be between 1"));
        page.Find("#ticket-Name").GetAttribute("value").ShouldBe("Staff");
        page.Find("#ticket-Quota").Change("3");
        page.Find("[data-testid=save-ticket-type]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=ticket-types]").TextContent.ShouldContain("1 of 3 taken"));
        page.Find("[data-testid=settings-message]").TextContent.ShouldBe("Ticket type \"Staff\" saved.");
    }

    [Fact]
    public async Task An_online_ticket_type_is_added_with_its_own_places_beyond_the_room_capacity()
    {
        SignInAsOrganiser();
        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=add-ticket-type]"));

        page.Find("#ticket-Name").Change("Join online");
        page.Find("[data-testid=ticket-attendance-Online]").Change(true);
        page.WaitForAssertion(() => page.Find("label[for=ticket-Quota]").TextContent.ShouldContain("Online places"));
        page.Find("[data-testid=add-ticket-type]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Enter how many online places there are"));
        page.Find("#ticket-Name").GetAttribute("value").ShouldBe("Join online");

        page.Find("#ticket-Quota").Change("40");
        page.Find("[data-testid=add-ticket-type]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=ticket-types]").TextContent.ShouldContain("0 of 40 online places taken"));
        page.Find("[data-testid=ticket-type-attendance]").TextContent.ShouldBe("(Online)");
        (await _ticketTypes.ListAsync(Actors.Organiser, _eventId)).ShouldHaveSingleItem().Attendance.ShouldBe(Attendance.Online);
    }

    [Fact]
    public async Task On_a_hybrid_event_the_attendee_list_shows_one_kind_of_place_when_chosen()
    {
        SignInAsOrganiser();
        var room = (await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "In the room", "", null, false)).Value!;
        var online = (await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "Join online", "", 5, false, Attendance.Online)).Value!;
        await BookAsync("Ann Room", room.Id);
        await BookAsync("Olu Online", online.Id);
        var page = Render<AttendeesPage>(p => p.Add(c => c.Id, _eventId));
        page.WaitForAssertion(() => page.Find("[data-testid=attendees-table]").TextContent.ShouldContain("Olu Online"));
        page.Find("[data-testid=attendees-table]").TextContent.ShouldContain("Ann Room");
        page.Find("label[for=attendee-kind]").TextContent.ShouldBe("Kind of place");

        page.Find("[data-testid=attendee-kind]").Change(nameof(Attendance.Online));

        page.WaitForAssertion(() => page.Find("[data-testid=attendees-table]").TextContent.ShouldNotContain("Ann Room"));
        page.Find("[data-testid=attendees-table]").TextContent.ShouldContain("Olu Online");
    }

    [Fact]
    public async Task Hiding_an_answered_question_keeps_it_listed_as_hidden()
    {
        SignInAsOrganiser();
        var q = (await _questions.SaveAsync(Actors.Organiser, _eventId, null, "Which team?", "", QuestionKind.ShortText, true, "")).Value!;
        var form = new BookingForm { Name = "Ann Example", Email = "ann@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true, Answers = { [q.Id] = "Digital" } };
        var ann = (await _bookings.BookAsync(new BookingRequest(_eventId, form))).Value!;
        var page = Render<BookingSettingsPage>(p => p.Add(c => c.Id, _eventId));

        page.WaitForAssertion(() => page.Find("[data-testid=question-remove]"));
        page.Find("[data-testid=question-remove]").Click();
        page.Find("[data-testid=question-remove-confirm]").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Hide it instead"));
        page.Find("[data-testid=question-hide]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=questions]").TextContent.ShouldContain("hidden: no longer asked, answers kept"));
        page.Find("[data-testid=question-hide]").TextContent.ShouldStartWith("Ask again");

        // Ann's answer is kept (her manage page no longer asks it: ManagePageTests).
        (await _bookings.GetByTokenAsync(ann.ManageToken))!.Booking.Answers.ShouldHaveSingleItem().Value.ShouldBe("Digital");
    }

    [Fact]
    public async Task The_audit_log_shows_who_what_and_when_in_the_event_time_zone_to_administrators()
    {
        SignInAsAdministrator();
        await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "Council staff", "", null, false);

        var page = Render<AuditLogPage>(p => p.Add(c => c.Id, _eventId));

        page.WaitForAssertion(() => page.Find("[data-testid=audit-what]").TextContent.ShouldBe("Saved ticket type \"Council staff\""));
        page.Find("[data-testid=audit-table]").TextContent.ShouldContain("Olive Organiser");
        // The fake clock stands at 9am UTC on 2 November 2026: 4am in New York.
        page.Find("[data-testid=audit-when]").TextContent.ShouldBe("Monday 2 November 2026, 4am UTC-05:00");
    }

    [Fact]
    public async Task The_events_owner_reads_its_audit_log()
    {
        SignInAsOrganiser();
        await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "Council staff", "", null, false);

        var page = Render<AuditLogPage>(p => p.Add(c => c.Id, _eventId));

        page.WaitForAssertion(() => page.Find("[data-testid=audit-what]").TextContent.ShouldBe("Saved ticket type \"Council staff\""));
        page.FindAll("[data-testid=audit-not-admin]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_audit_log_tells_an_editor_to_ask_an_owner_and_shows_nothing()
    {
        await Teams.StoreAsync(Core.Database, Actors.Editor);
        await Teams.JoinEventAsync(Core.Database, Actors.Editor, _eventId, EventHub.Core.Events.Access.TeamRole.Editor);
        SignInAsOrganiser(Actors.Editor.UserId!, Actors.Editor.DisplayName);
        await _ticketTypes.SaveAsync(Actors.Organiser, _eventId, null, "Council staff", "", null, false);

        var page = Render<AuditLogPage>(p => p.Add(c => c.Id, _eventId));

        page.WaitForAssertion(() => page.Find("[data-testid=audit-not-admin]").TextContent.ShouldContain("Only the event's owners and administrators"));
        page.FindAll("[data-testid=audit-what]").ShouldBeEmpty();
    }
}
