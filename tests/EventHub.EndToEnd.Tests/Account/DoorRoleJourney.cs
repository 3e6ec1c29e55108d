using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Tests.Email;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>
/// An administrator invites an organiser by email; the invitation arrives at a real SMTP listener, the organiser sets
/// a password from its link, and the administrator gives them Door on one event. That organiser sees that event only,
/// its check-in page works for them, and another event's attendees page opened by its address is refused.
/// </summary>
public sealed partial class DoorRoleJourney(BrowserFixture browser) : OwnAppTest
{
    private readonly SmtpListener _smtp = SmtpListener.Stopped();

    protected override IReadOnlyDictionary<string, string?> Settings => MailSettings.For(_smtp);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_invited_door_volunteer_sets_a_password_from_the_mail_and_sees_only_the_door_of_their_event()
    {
        await using var smtp = _smtp;
        await smtp.StartAgainAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var theirs = await PublishedEventAsync($"Door journey forum {suffix}");
        var another = await PublishedEventAsync($"Door journey workshop {suffix}");
        var ada = await App.NewOrganiserAsync("Ada Admin");
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync(App, ada);
        var dee = new OrganiserLogin("Dee Door", $"dee-{suffix}@devon.gov.uk", "plum garden kettle");

        // The administrator invites Dee by email, as an organiser.
        await admin.GotoInteractiveAsync(App.Url("/organiser/organisers"));
        await admin.FillFieldAsync("invite-DisplayName", dee.DisplayName);
        await admin.FillFieldAsync("invite-Email", dee.Email);
        await admin.GetByTestId("invite-role-organiser").CheckAsync();
        await admin.GetByTestId("send-invitation").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("organiser-message")).ToContainTextAsync($"We have emailed an invitation to {dee.Email}");
        await Assertions.Expect(admin.Locator($"[data-testid=invitation-row][data-email='{dee.Email}']")).ToContainTextAsync("Works until");
        await admin.ShouldHaveNoAxeViolationsAsync();

        // Dee opens the link in her mail on her phone and sets a password (the first try does not match).
        var mail = await smtp.WaitForMailAsync(dee.Email, Ct);
        mail.Subject.ShouldBe("You have been invited to organise events on EventHub");
        var link = InvitationLink().Match(mail.TextBody ?? string.Empty).Value;
        link.ShouldNotBeEmpty(mail.TextBody);
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync(App.Url(new Uri(link).AbsolutePath));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set your password");
        await Assertions.Expect(page.GetByTestId("invitation-for")).ToContainTextAsync(dee.Email);
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("Password").FillAsync(dee.Password);
        await page.GetByTestId("ConfirmPassword").FillAsync("plum garden kettles");
        await page.GetByTestId("accept-invitation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("The passwords do not match");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("Password").FillAsync(dee.Password);
        await page.GetByTestId("ConfirmPassword").FillAsync(dee.Password);
        await page.GetByTestId("accept-invitation").ClickAsync();
        await page.WaitForURLAsync("**/organiser/events?done=joined");
        await Assertions.Expect(page.GetByTestId("joined-message")).ToContainTextAsync("Your password is set and you are signed in");
        await page.ShouldHaveNoAxeViolationsAsync();

        // The link worked once.
        var again = await browser.NewPageAsync();
        await again.GotoAsync(App.Url(new Uri(link).AbsolutePath));
        await Assertions.Expect(again.Locator("h1")).ToHaveTextAsync("This link is not valid");
        await again.ShouldHaveNoAxeViolationsAsync();

        // The invitation has left the administrator's list; she gives Dee Door on one event, from the event's page.
        await admin.GotoInteractiveAsync(App.Url("/organiser/organisers"));
        await Assertions.Expect(admin.Locator($"[data-testid=organiser-row][data-email='{dee.Email}']")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator($"[data-testid=invitation-row][data-email='{dee.Email}']")).ToHaveCountAsync(0);
        await admin.GotoInteractiveAsync(App.Url($"/organiser/events/{theirs}"));
        await admin.GetByTestId("team-link").ClickAsync();
        await admin.WaitForURLAsync($"**/organiser/events/{theirs}/team");
        await admin.WaitForInteractiveAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();
        await admin.FillFieldAsync("team-Email", dee.Email);
        await admin.Locator("#team-Role").SelectOptionAsync("Door");
        await admin.GetByTestId("team-add").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("team-message")).ToContainTextAsync("Dee Door is now on the team as Door.");
        await Assertions.Expect(admin.Locator($"[data-testid=team-member][data-email='{dee.Email}']")).ToBeVisibleAsync();
        await admin.ShouldHaveNoAxeViolationsAsync();

        // Dee sees her one event, as Door.
        await page.GotoInteractiveAsync(App.Url("/organiser/events"));
        await Assertions.Expect(page.GetByTestId("event-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("event-link")).ToHaveTextAsync($"Door journey forum {suffix}");
        await Assertions.Expect(page.GetByTestId("my-role")).ToHaveTextAsync("Your role: Door");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{theirs}/check-in"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check-in");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Another event's attendees, by address: refused without saying the event exists.
        await page.GotoAsync(App.Url($"/organiser/events/{another}/attendees"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync($"Door journey workshop {suffix}");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Her own event's team is not hers to change.
        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{theirs}/team"));
        await Assertions.Expect(page.GetByTestId("team-refused")).ToContainTextAsync("Your role on this event's team does not let you do that");
        await Assertions.Expect(page.GetByTestId("team-add-form")).ToHaveCountAsync(0);
        await page.ShouldHaveNoAxeViolationsAsync();
    }

    private async Task<int> PublishedEventAsync(string title)
    {
        var events = App.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(40);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title, Capacity = 30, VenueName = "County Hall", StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        }, Ct);
        created.Succeeded.ShouldBeTrue(created.Message);
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        return created.Value.Id;
    }

    [GeneratedRegex(@"https?://[^\s]+/account/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
