using System.Diagnostics;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.CheckIn;

/// <summary>
/// Two app nodes on one PostgreSQL database: a ticket scanned at the door on node A shows on the organiser's event
/// page served (over its own circuit) by node B within two seconds, carried by the live signal (LISTEN/NOTIFY).
/// </summary>
public sealed class TwoNodeDoorCountJourney(BrowserFixture browser)
{
    [Fact]
    public async Task A_scan_on_one_node_shows_on_the_organisers_page_on_the_other_node_within_two_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await PostgresDatabase.CreateAsync();
        await using var nodeA = new AppHost(database.NodeSettings());
        await using var nodeB = new AppHost(database.NodeSettings());
        var organiser = await nodeB.NewOrganiserAsync("Ada Admin");
        var eventId = await nodeA.PublishedEventAsync("Alt Text Workshop", 20);
        var ann = (await nodeA.Service<BookingService>().BookAsync(new BookingRequest(eventId, new BookingForm
        {
            Name = "Ann Example", Email = "ann@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
        }), ct)).Value!;

        var page = await browser.NewPageAsync();
        page.Context.SetDefaultTimeout(60_000);
        await page.SignInAsync(nodeB, organiser);
        await page.GotoInteractiveAsync(nodeB.Url($"/organiser/events/{eventId}"));
        await Assertions.Expect(page.GetByTestId("live-checked-in")).ToHaveTextAsync("0");
        await page.ShouldHaveNoAxeViolationsAsync();

        var scan = await nodeA.Service<CheckInService>().CheckInAsync(ann.CheckInCode!, Door.ForOrganiser(Actor.System), eventId, ct);
        var scanned = Stopwatch.StartNew();
        scan.Status.ShouldBe(CheckInStatus.CheckedIn);

        await Assertions.Expect(page.GetByTestId("live-checked-in")).ToHaveTextAsync("1", new() { Timeout = 2_000 });
        scanned.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
        await page.ShouldHaveNoAxeViolationsAsync();
    }
}
