using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace EventHub.EndToEnd.Tests.CheckIn;

/// <summary>
/// The event is hybrid: a visitor books an online place on the public form and finds the joining link in the
/// confirmation mail and on the manage page. An organiser opens the name badges from the check-in page (the online
/// place gets none), narrows them to people not yet checked in, and prints: in print media each sheet holds eight
/// badges and starts a new A4 page, and Chromium's own print to PDF makes one page per sheet.
/// </summary>
public sealed partial class BadgesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task An_online_booker_gets_the_joining_link_and_an_organiser_prints_the_badges_of_people_not_yet_checked_in_eight_to_an_a4_sheet()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var eventId = await App.PublishedEventAsync($"Badge forum {suffix}", capacity: 30);
        var codes = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(eventId, new BookingForm
            {
                Name = $"Badge Person {i:D2} {suffix}", Email = $"badge-{i}-{suffix}@devon.gov.uk", Organisation = "Devon County Council",
                PrivacyConsent = true,
            }), Ct);
            codes.Add(booked.Value!.CheckInCode!);
        }

        (await App.Service<CheckInService>().CheckInAsync(codes[0], Door.ForOrganiser(Actor.System), eventId, Ct)).Status.ShouldBe(CheckInStatus.CheckedIn);

        // The event goes hybrid: a joining link, and five online places beside the room's thirty.
        var events = App.Service<EventService>();
        var input = EventInput.From((await events.GetAsync(Actor.System, eventId, Ct))!.Event);
        var joining = $"https://meet.example.org/badge-forum-{suffix}";
        input.OnlineUrl = joining;
        (await events.UpdateAsync(Actor.System, eventId, input, Ct)).Succeeded.ShouldBeTrue();
        var types = App.Service<TicketTypeAdminService>();
        (await types.SaveAsync(Actor.System, eventId, null, "In the room", "", null, false, ct: Ct)).Succeeded.ShouldBeTrue();
        var online = (await types.SaveAsync(Actor.System, eventId, null, "Join online", "", 5, false, Attendance.Online, Ct)).Value!;

        // A visitor sees the places of each kind and books an online one on the public form.
        var visitor = await NewPageAsync(phone: true);
        await visitor.GotoAsync(App.Url($"/events/{input.Slug}"));
        await Assertions.Expect(visitor.GetByTestId("event-places")).ToHaveTextAsync("20 of 30 places left");
        await Assertions.Expect(visitor.GetByTestId("event-places-online")).ToHaveTextAsync("Join online: 5 of 5 online places left");
        await Assertions.Expect(visitor.Locator("main")).Not.ToContainTextAsync(joining);
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.GetByTestId("book-link").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("book-places-online")).ToHaveTextAsync("Join online: 5 of 5 online places left");
        var email = $"olu-{suffix}@devon.gov.uk";
        await visitor.GetByTestId("Name").FillAsync($"Olu Online {suffix}");
        await visitor.GetByTestId("Email").FillAsync(email);
        await visitor.GetByTestId("Organisation").FillAsync("Devon County Council");
        await visitor.GetByTestId($"ticket-{online.Id}").CheckAsync();
        await visitor.GetByTestId("PrivacyConsent").CheckAsync();
        await visitor.ShouldHaveNoAxeViolationsAsync();
        await visitor.GetByTestId("continue").ClickAsync();
        await Assertions.Expect(visitor.GetByTestId("check-answers")).ToContainTextAsync("Join online (online)");
        await visitor.GetByTestId("confirm-booking").ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Check your email");

        // The confirmation mail carries the joining link; the manage link in it shows the joining link too.
        var confirmed = await PickupInbox.WaitForAsync(App, email, "Your place at ", Ct);
        (confirmed.TextBody ?? string.Empty).ShouldContain(joining);
        var manage = ManageLink().Match(confirmed.TextBody!);
        manage.Success.ShouldBeTrue(confirmed.TextBody);
        await visitor.GotoAsync(App.Url(new Uri(manage.Value).AbsolutePath));
        await Assertions.Expect(visitor.GetByTestId("joining-link")).ToHaveAttributeAsync("href", joining);
        await visitor.ShouldHaveNoAxeViolationsAsync();
        var (page, _) = await SignedInPageAsync();

        // From the check-in page, the badges of everyone in the room: two sheets, eight then two (the online place gets none).
        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/check-in"));
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("check-in-badges-link").ClickAsync();
        await page.WaitForURLAsync($"**/organiser/events/{eventId}/badges");
        await Assertions.Expect(page.GetByTestId("badges-summary")).ToHaveTextAsync("Badges 1 to 10 of 10, on 2 sheets.");
        await Assertions.Expect(page.GetByTestId("badge-sheet")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("badge-name").Filter(new() { HasText = "Olu Online" })).ToHaveCountAsync(0);
        await page.ShouldHaveNoAxeViolationsAsync();

        // Only those not yet checked in: the first person has arrived.
        await page.GetByTestId("badges-not-checked-in").CheckAsync();
        await page.GetByTestId("badge-show").ClickAsync();
        await page.WaitForURLAsync("**/badges?who=NotCheckedIn");
        await Assertions.Expect(page.GetByTestId("badges-summary")).ToHaveTextAsync("Badges 1 to 9 of 9, on 2 sheets.");
        await Assertions.Expect(page.GetByTestId("badge-name").First).ToHaveTextAsync($"Badge Person 01 {suffix}");
        await page.ShouldHaveNoAxeViolationsAsync();

        // Printed: the page's own controls go, eight badges fill each A4 sheet and every sheet but the last ends the page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("badge-filter")).ToBeHiddenAsync();
        var sheets = await page.GetByTestId("badge-sheet").EvaluateAllAsync<string[]>(
            "els => els.map(e => getComputedStyle(e).breakAfter + ':' + e.querySelectorAll('[data-testid=badge]').length)");
        sheets.ShouldBe(["page:8", "auto:1"]);
        var badgeHeightMm = await page.GetByTestId("badge").First.EvaluateAsync<double>("e => e.getBoundingClientRect().height * 25.4 / 96");
        badgeHeightMm.ShouldBe(69, tolerance: 0.5);
        await page.ShouldHaveNoAxeViolationsAsync();
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        using (var document = PdfDocument.Open(pdf))
        {
            document.NumberOfPages.ShouldBe(2, string.Join(" | ", document.GetPages().Select(p => p.Text)));
            var a4 = document.GetPage(1);
            a4.Width.ShouldBe(595.3, tolerance: 1);
            a4.Height.ShouldBe(841.9, tolerance: 1);
            // A long name wraps on the badge, and PdfPig reads a line break as nothing: compare without spaces.
            // Chromium sets "ff" and "fi" in a random suffix as ligatures (U+FB00…): compatibility normalisation undoes them.
            static string Squeezed(string text) => text.Normalize(System.Text.NormalizationForm.FormKC).Replace(" ", string.Empty, StringComparison.Ordinal);
            Squeezed(a4.Text).ShouldContain($"BadgePerson01{suffix}");
            Squeezed(a4.Text).ShouldNotContain($"BadgePerson09{suffix}");
            Squeezed(document.GetPage(2).Text).ShouldContain($"BadgePerson09{suffix}");
        }

        // On a 360 px phone the screen view is one badge across and nothing is wider than the screen.
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(360, 740);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
    }

    [GeneratedRegex(@"https?://\S+?/manage/[A-Za-z0-9_-]+")]
    private static partial Regex ManageLink();
}
