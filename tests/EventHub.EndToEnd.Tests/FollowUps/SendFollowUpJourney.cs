using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.FollowUps;

/// <summary>
/// After the day: the organiser sends the follow-up to everyone checked in, the mail arrives in the pickup folder (read
/// like an inbox), the attendee opens the feedback link in it and answers (with the organisers' own question), and the organiser sees
/// the answers on the results.
/// </summary>
public sealed partial class SendFollowUpJourney(BrowserFixture browser) : OwnAppTest
{
    // No SMTP host: mail goes to the pickup folder, which PickupInbox reads like an inbox.
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["EventHub:Email:PollInterval"] = "00:00:00.200" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_organiser_sends_the_follow_up_once_and_an_attendee_answers_the_feedback_form_from_the_mail()
    {
        var (eventId, annEmail, questionId) = await StartedEventAsync();
        var organiser = await App.NewOrganiserAsync();
        var page = await browser.NewPageAsync();
        await page.SignInAsync(App, organiser);

        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/record"));
        var panel = page.GetByTestId("follow-up");
        await Assertions.Expect(panel.GetByText("Everyone who was checked in (1 person)")).ToBeVisibleAsync();
        await page.GetByTestId("check-follow-up").ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-up-count")).ToHaveTextAsync("1 person");
        await Assertions.Expect(page.GetByTestId("follow-up-preview")).ToContainTextAsync("Give your feedback");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("send-follow-up").ClickAsync();
        await Assertions.Expect(page.GetByTestId("follow-up-message")).ToContainTextAsync("The follow-up is queued for 1 person");
        await Assertions.Expect(page.GetByTestId("follow-up-sent")).ToContainTextAsync("It goes once");
        await Assertions.Expect(page.GetByTestId("send-follow-up")).ToHaveCountAsync(0);
        await page.ShouldHaveNoAxeViolationsAsync();

        var mail = await PickupInbox.WaitForAsync(App, annEmail, "Thank you for coming to", Ct);
        var feedbackLink = FeedbackLink().Match(mail.TextBody!).Value;
        feedbackLink.ShouldNotBeEmpty(mail.TextBody);
        var attendee = await browser.NewPageAsync(phone: true);
        await attendee.GotoInteractiveAsync(App.Url(new Uri(feedbackLink).AbsolutePath));
        await attendee.ShouldHaveNoAxeViolationsAsync();
        await attendee.GetByTestId("score-5").CheckAsync();
        await attendee.GetByTestId("WhatWorked").FillAsync("Meeting the other councils");
        await attendee.GetByTestId(FeedbackRules.Field(questionId) + "-4").CheckAsync();
        await attendee.GetByTestId("feedback-submit").ClickAsync();
        await Assertions.Expect(attendee.GetByTestId("feedback-sent")).ToBeVisibleAsync();
        await attendee.ShouldHaveNoAxeViolationsAsync();

        await page.GotoInteractiveAsync(App.Url(FeedbackRoutes.Results(eventId)));
        await Assertions.Expect(page.GetByTestId("feedback-summary")).ToContainTextAsync("1 person has given feedback. The average overall score is 5.0 out of 5");
        await Assertions.Expect(page.GetByTestId("feedback-comments")).ToContainTextAsync("Meeting the other councils");
        await Assertions.Expect(page.GetByTestId($"question-summary-{questionId}")).ToHaveTextAsync("1 answer; the average is 4.0 out of 5.");
        await page.ShouldHaveNoAxeViolationsAsync();
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        (await db.Set<OutboxMessage>().Where(m => m.EventId == eventId).Select(m => m.ToEmail).ToListAsync(Ct)).ShouldBe([annEmail], "Bob was not checked in");
    }

    private async Task<(int EventId, string AnnEmail, int QuestionId)> StartedEventAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        var now = DateTime.UtcNow;
        var ev = new Event
        {
            Title = "Follow-up forum " + unique, Slug = "follow-up-forum-" + unique, Status = EventStatus.Published, Capacity = 10, PlacesTaken = 2,
            StartUtc = now.AddDays(-1), EndUtc = now.AddDays(-1).AddHours(6), CreatedUtc = now.AddDays(-30), UpdatedUtc = now.AddDays(-30),
        };
        db.Add(ev);
        await db.SaveChangesAsync(Ct);
        var ann = Booking(ev.Id, "Ann Attendee", $"ann.{unique}@devon.gov.uk", now);
        db.Add(ann);
        db.Add(Booking(ev.Id, "Bob Absent", $"bob.{unique}@devon.gov.uk", now));
        await db.SaveChangesAsync(Ct);
        db.Add(new CheckInRecord { BookingId = ann.Id, EventId = ev.Id, CheckedInUtc = ev.StartUtc, CheckedInBy = "Main door" });
        db.Add(new EventHub.Core.Proceedings.ProceedingsSettings { EventId = ev.Id, IsPublished = true, PublishedUtc = now });
        var question = new FeedbackQuestion { EventId = ev.Id, Text = "How useful was the marketplace?", Kind = FeedbackQuestionKind.Rating, SortOrder = 1 };
        db.Add(question);
        await db.SaveChangesAsync(Ct);
        return (ev.Id, ann.Email, question.Id);
    }

    private static Booking Booking(int eventId, string name, string email, DateTime now) => new()
    {
        EventId = eventId, Reference = SecureTokens.New()[..10].ToUpperInvariant(), CheckInCode = SecureTokens.New(),
        Name = name, Email = email, NormalisedEmail = email, Status = BookingStatus.Confirmed,
        CreatedUtc = now.AddDays(-10), UpdatedUtc = now.AddDays(-10), ConsentUtc = now.AddDays(-10),
    };

    [GeneratedRegex(@"https?://\S+/manage/[^/\s]+/feedback")]
    private static partial Regex FeedbackLink();
}
