using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.CheckIn;

/// <summary>
/// The door that works offline: two volunteers' phones are prepared, lose the connection, check people in by keyboard,
/// both let the same person in, come back online and sync; the organiser sees the conflict; the device forgets.
/// </summary>
public sealed class OfflineDoorJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 15_000 };

    [Fact]
    public async Task Two_doors_prepared_for_offline_check_people_in_without_a_connection_and_the_organiser_sees_the_ticket_they_both_let_in()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var eventId = await App.PublishedEventAsync($"Offline Door Forum {unique}", 20);
        var ann = await BookAsync(eventId, $"Ann Offline {unique}");
        var bob = await BookAsync(eventId, $"Bob Offline {unique}");
        var cat = await BookAsync(eventId, $"Cat Offline {unique}");
        var front = await LinkAsync(eventId, "Front door");
        var side = await LinkAsync(eventId, "Side door");

        var frontPage = await PreparedAsync($"/door/{front}");
        var sidePage = await PreparedAsync($"/door/{side}");

        // The front door loses its connection and lets three people in, codes typed at the keyboard.
        await frontPage.Context.SetOfflineAsync(true);
        await Assertions.Expect(frontPage.GetByTestId("offline-status")).ToHaveTextAsync("Offline — 0 waiting to sync");
        foreach (var (code, name, waiting) in new[] { (ann, "Ann", 1), (bob, "Bob", 2), (cat, "Cat", 3) })
        {
            await Assertions.Expect(frontPage.GetByTestId("offline-code")).ToBeFocusedAsync();
            await frontPage.Keyboard.TypeAsync(code);
            await frontPage.Keyboard.PressAsync("Enter");
            await Assertions.Expect(frontPage.GetByTestId("offline-result-text")).ToHaveTextAsync("Checked in (offline)");
            await Assertions.Expect(frontPage.GetByTestId("offline-result")).ToContainTextAsync($"{name} Offline {unique}");
            await Assertions.Expect(frontPage.GetByTestId("offline-status")).ToHaveTextAsync($"Offline — {waiting} waiting to sync");
        }

        await frontPage.Keyboard.TypeAsync(bob);
        await frontPage.Keyboard.PressAsync("Enter");
        await Assertions.Expect(frontPage.GetByTestId("offline-result-text")).ToHaveTextAsync("Already checked in");
        await frontPage.Keyboard.TypeAsync("not-a-ticket");
        await frontPage.Keyboard.PressAsync("Enter");
        await Assertions.Expect(frontPage.GetByTestId("offline-result-text")).ToHaveTextAsync(CheckInErrors.UnknownCode.Message);
        (await frontPage.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await frontPage.ShouldHaveNoAxeViolationsAsync();
        (await CheckedInAsync(eventId)).ShouldBe(0, "nothing reached the server while offline");

        // The side door, offline too, lets Bob in a moment later.
        await sidePage.Context.SetOfflineAsync(true);
        await sidePage.GetByTestId("offline-code").FocusAsync();
        await sidePage.Keyboard.TypeAsync(bob);
        await sidePage.Keyboard.PressAsync("Enter");
        await Assertions.Expect(sidePage.GetByTestId("offline-status")).ToHaveTextAsync("Offline — 1 waiting to sync");

        // Back online, both sync: the front door's three, then the side door's Bob, which is a conflict.
        await frontPage.Context.SetOfflineAsync(false);
        await Assertions.Expect(frontPage.GetByTestId("offline-status")).ToContainTextAsync("Online — all check-ins synced at", Patiently);
        (await CheckedInAsync(eventId)).ShouldBe(3);
        await sidePage.Context.SetOfflineAsync(false);
        await Assertions.Expect(sidePage.GetByTestId("offline-status")).ToContainTextAsync("1 also checked in at another door: the organiser can see both", Patiently);
        await sidePage.ShouldHaveNoAxeViolationsAsync();
        (await CheckedInAsync(eventId)).ShouldBe(3);

        var (organiser, _) = await SignedInPageAsync();
        await organiser.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/attendance"));
        var conflicts = organiser.GetByTestId("door-conflicts");
        await Assertions.Expect(conflicts).ToContainTextAsync($"Bob Offline {unique}");
        await Assertions.Expect(conflicts.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(conflicts.Locator("tbody td").Nth(1)).ToContainTextAsync("by Front door");
        await Assertions.Expect(conflicts.Locator("tbody td").Nth(2)).ToContainTextAsync("by Side door");
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // "Forget this device" leaves nothing of the event's people in the browser.
        await sidePage.GetByTestId("offline-forget").ClickAsync();
        await Assertions.Expect(sidePage.GetByTestId("offline-status")).ToHaveTextAsync("Forgotten: this device keeps nothing about this event’s people.");
        (await StoredAsync(sidePage, eventId)).ShouldBeNull();

        // A page opened after the event's day forgets what is kept (the day is made to be over in the stored copy).
        (await StoredAsync(frontPage, eventId)).ShouldNotBeNull();
        await frontPage.EvaluateAsync("key => { const s = JSON.parse(localStorage.getItem(key)); s.pack.forgetAfterUtc = '2000-01-01T00:00:00Z'; localStorage.setItem(key, JSON.stringify(s)); }", $"eventhub-door-{eventId}");
        await frontPage.ReloadAsync();
        await frontPage.Locator("[data-offline-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(frontPage.GetByTestId("offline-status")).ToContainTextAsync("not prepared");
        (await StoredAsync(frontPage, eventId)).ShouldBeNull();
    }

    [Fact]
    public async Task An_organiser_prepares_the_offline_door_from_the_check_in_page_and_its_sync_needs_the_antiforgery_token()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var eventId = await App.PublishedEventAsync($"Offline Organiser Forum {unique}", 20);
        var dee = await BookAsync(eventId, $"Dee Offline {unique}");
        // An online place: the device knows it, does not count it as a ticket for the door, and refuses it with the reason.
        var online = await App.Service<TicketTypeAdminService>().SaveAsync(Actor.System, eventId, null, "Join online", "", 10, false, Attendance.Online, Ct);
        online.Succeeded.ShouldBeTrue(online.Message);
        var olu = await BookAsync(eventId, $"Olu Online {unique}", online.Value!.Id);
        var (page, _) = await SignedInPageAsync();
        await page.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/check-in"));
        await page.GetByTestId("offline-door-link").ClickAsync();
        await page.WaitForURLAsync($"**/organiser/events/{eventId}/check-in/offline");
        await page.Locator("[data-offline-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByTestId("offline-prepare").ClickAsync();
        await Assertions.Expect(page.GetByTestId("offline-status")).ToContainTextAsync("with 1 ticket");
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.Context.SetOfflineAsync(true);
        await page.GetByTestId("offline-code").FillAsync(olu);
        await page.GetByTestId("offline-code").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("offline-result-text")).ToHaveTextAsync(CheckInErrors.OnlinePlace.Message);
        await Assertions.Expect(page.GetByTestId("offline-result")).ToContainTextAsync($"Olu Online {unique}");
        await Assertions.Expect(page.GetByTestId("offline-status")).ToHaveTextAsync("Offline — 0 waiting to sync");
        await page.GetByTestId("offline-code").FillAsync(dee);
        await page.GetByTestId("offline-code").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("offline-status")).ToHaveTextAsync("Offline — 1 waiting to sync");
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.GetByTestId("offline-status")).ToContainTextAsync("all check-ins synced", Patiently);
        (await CheckedInAsync(eventId)).ShouldBe(1);

        // The same sync without the page's antiforgery token is refused (the cookie alone does not do).
        var refused = await page.EvaluateAsync<int>(
            "url => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ salt: 'x', checkIns: [] }) }).then(r => r.status)",
            $"/organiser/events/{eventId}/check-in/offline/sync");
        refused.ShouldBe(400);
    }

    /// <summary>A door page opened and prepared on a phone of its own (a context of its own: its own storage and network).</summary>
    private async Task<IPage> PreparedAsync(string doorPath)
    {
        var page = await NewPageAsync(phone: true);
        await page.GotoInteractiveAsync(App.Url(doorPath));
        await page.GetByTestId("offline-door-link").ClickAsync();
        await page.WaitForURLAsync($"**{doorPath}/offline");
        await page.Locator("[data-offline-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Offline check-in: Offline Door Forum");
        await Assertions.Expect(page.GetByTestId("offline-status")).ToContainTextAsync("not prepared");
        await page.ShouldHaveNoAxeViolationsAsync();
        await page.GetByTestId("offline-prepare").ClickAsync();
        await Assertions.Expect(page.GetByTestId("offline-status")).ToContainTextAsync("Online — prepared for offline at");
        await Assertions.Expect(page.GetByTestId("offline-status")).ToContainTextAsync("with 3 tickets");
        var stored = await StoredAsync(page, 0, doorPath) ?? string.Empty;
        stored.ShouldNotContain("@devon.gov.uk");
        await page.ShouldHaveNoAxeViolationsAsync();
        return page;
    }

    private static Task<string?> StoredAsync(IPage page, int eventId, string? anyForPath = null) =>
        anyForPath is null
            ? page.EvaluateAsync<string?>("key => localStorage.getItem(key)", $"eventhub-door-{eventId}")
            : page.EvaluateAsync<string?>("() => Object.keys(localStorage).filter(k => k.startsWith('eventhub-door-')).map(k => localStorage.getItem(k)).join('\\n')");

    private async Task<string> BookAsync(int eventId, string name, int? ticketTypeId = null)
    {
        var booked = await App.Service<BookingService>().BookAsync(new BookingRequest(eventId, new BookingForm
        {
            Name = name, Email = name.Replace(' ', '.').ToLowerInvariant() + "@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
            TicketTypeId = ticketTypeId,
        }), Ct);
        booked.Succeeded.ShouldBeTrue(booked.Message);
        return booked.Value!.CheckInCode!;
    }

    private async Task<string> LinkAsync(int eventId, string label)
    {
        var now = DateTime.UtcNow;
        var link = await App.Service<DoorLinkService>().CreateAsync(Actor.System, eventId, new DoorLinkInput(label, now.AddHours(-1), now.AddHours(8)), Ct);
        link.Succeeded.ShouldBeTrue();
        return link.Value!.Token;
    }

    private async Task<int> CheckedInAsync(int eventId)
    {
        await using var db = await App.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Set<CheckInRecord>().CountAsync(c => c.EventId == eventId, Ct);
    }
}
