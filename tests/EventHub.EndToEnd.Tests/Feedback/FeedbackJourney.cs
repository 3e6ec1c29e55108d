using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Feedback;

/// <summary>
/// The feedback form with JavaScript off (a plain form through the manage link, answered once), then the organiser's
/// results with the chart's table and what people wrote, and the feedback block on the event dashboard.
/// </summary>
public sealed class FeedbackJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_attendee_answers_the_feedback_form_without_javascript_and_the_organiser_sees_it_without_their_name()
    {
        var (eventId, token) = await StartedEventWithABookingAsync();
        var page = await NewPageAsync(phone: true, javaScript: false);

        await page.GotoInteractiveAsync(App.Url(FeedbackRoutes.Form(token)));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Feedback on");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GetByTestId("WhatWorked").FillAsync("The alt text workshop");
        await page.GetByTestId("feedback-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Select how good the event was overall");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Feedback on"));
        await Assertions.Expect(page.GetByTestId("WhatWorked")).ToHaveValueAsync("The alt text workshop");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();

        await page.GetByTestId("score-4").CheckAsync();
        await page.GetByTestId("WhatToChange").FillAsync("A longer lunch");
        await page.GetByTestId("feedback-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feedback-sent")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
        await page.GotoInteractiveAsync(App.Url(FeedbackRoutes.Form(token)));
        await Assertions.Expect(page.GetByTestId("feedback-closed")).ToContainTextAsync("already given your feedback");

        var (organiserPage, _) = await SignedInPageAsync();
        await organiserPage.GotoInteractiveAsync(App.Url(FeedbackRoutes.Results(eventId)));
        await Assertions.Expect(organiserPage.GetByTestId("feedback-summary")).ToContainTextAsync("1 person has given feedback. The average overall score is 4.0 out of 5");
        await Assertions.Expect(organiserPage.GetByTestId("feedback-comments")).ToContainTextAsync("The alt text workshop");
        await Assertions.Expect(organiserPage.GetByTestId("feedback-comments")).ToContainTextAsync("A longer lunch");
        await Assertions.Expect(organiserPage.Locator("main")).Not.ToContainTextAsync("Fay Feedback");
        await organiserPage.ShouldHaveNoAxeViolationsAsync();

        // The event dashboard, at the top of the organiser's event page, carries the feedback block too.
        await organiserPage.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}"));
        await Assertions.Expect(organiserPage.GetByTestId("dashboard-feedback-summary")).ToHaveTextAsync("1 person has given feedback; the average overall score is 4.0 out of 5.");
        await Assertions.Expect(organiserPage.GetByTestId("dashboard-feedback-averages")).ToContainTextAsync("Overall score");
        await Assertions.Expect(organiserPage.GetByTestId("dashboard-feedback-csv")).ToHaveAttributeAsync("href", FeedbackRoutes.Csv(eventId));
        await organiserPage.ShouldHaveNoAxeViolationsAsync();
    }

    private async Task<(int EventId, string Token)> StartedEventWithABookingAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        var now = DateTime.UtcNow;
        var ev = new Event
        {
            Title = "Feedback forum " + unique, Slug = "feedback-forum-" + unique, Status = EventStatus.Published, Capacity = 10, PlacesTaken = 1,
            StartUtc = now.AddDays(-1), EndUtc = now.AddDays(-1).AddHours(6), CreatedUtc = now.AddDays(-30), UpdatedUtc = now.AddDays(-30),
        };
        db.Add(ev);
        await db.SaveChangesAsync(Ct);
        var booking = new Booking
        {
            EventId = ev.Id, Reference = unique.ToUpperInvariant(), CheckInCode = "c" + unique, Name = "Fay Feedback",
            Email = $"fay.{unique}@devon.gov.uk", NormalisedEmail = $"fay.{unique}@devon.gov.uk", Status = BookingStatus.Confirmed,
            CreatedUtc = now.AddDays(-10), UpdatedUtc = now.AddDays(-10), ConsentUtc = now.AddDays(-10),
        };
        db.Add(booking);
        var token = ManageLinks.Mint(db, booking, "test", now);
        await db.SaveChangesAsync(Ct);
        return (ev.Id, token);
    }
}
