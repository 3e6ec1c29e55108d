using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Events;

/// <summary>The public event page: schema.org markup for search engines, and who may book before anyone starts.</summary>
public sealed partial class EventPageMarkupJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    private async Task<Event> PublishedAsync(string title, int capacity = 40)
    {
        var events = App.Service<EventService>();
        var start = DateTime.UtcNow.Date.AddDays(40).AddHours(9);
        var ev = (await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title, VenueName = "County Hall", VenueAddress = "Topsham Road, Exeter", Capacity = capacity,
            StartLocal = start, EndLocal = start.AddHours(7),
        })).Value!;
        (await events.SetStatusAsync(Actor.System, ev.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return ev;
    }

    [Fact]
    public async Task The_event_page_carries_schema_org_markup_that_a_title_cannot_break_out_of()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var title = $"Forum {unique} </script><script>alert('x')</script>";
        var ev = await PublishedAsync(title);
        using var client = App.CreateHttpClient();

        var response = await client.GetAsync("/events/" + ev.Slug, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script>alert(");
        var block = JsonLd().Match(html);
        block.Success.ShouldBeTrue("the page has a JSON-LD block");
        var json = JsonDocument.Parse(block.Groups[1].Value).RootElement;
        json.GetProperty("@type").GetString().ShouldBe("Event");
        json.GetProperty("name").GetString().ShouldBe(title);
        json.GetProperty("url").GetString().ShouldBe(App.Url("/events/" + ev.Slug));
        json.GetProperty("location").GetProperty("name").GetString().ShouldBe("County Hall");
        json.GetProperty("offers").GetProperty("availability").GetString().ShouldBe("https://schema.org/InStock");
        json.GetProperty("startDate").GetString().ShouldBe(EventJsonLd.WithOffset(ev.StartUtc, ev.TimeZoneId));

        // In a browser: one data block, no script of the title's ran, and the CSP complains of nothing.
        var page = await NewPageAsync(phone: true);
        var complaints = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                complaints.Add(message.Text);
            }
        };
        page.Dialog += (_, dialog) => complaints.Add("dialog " + dialog.Message);
        await page.GotoInteractiveAsync(App.Url("/events/" + ev.Slug));
        (await page.Locator("script[type='application/ld+json']").CountAsync()).ShouldBe(1);
        (await page.EvaluateAsync<string>("JSON.parse(document.querySelector(\"script[type='application/ld+json']\").textContent).name")).ShouldBe(title);
        await page.ShouldHaveNoAxeViolationsAsync();
        complaints.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_visitor_reads_who_may_book_on_the_event_page_before_starting_the_form()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var ev = await PublishedAsync("Devon forum " + unique);
        (await App.Service<BookingSettingsService>().SaveAsync(Actor.System, new BookingSettings
        {
            EventId = ev.Id,
            Eligibility = EligibilityMode.AllowedDomains,
            AllowedDomains = "devon.gov.uk\n*.devon.gov.uk",
            OutsideDomain = OutsideDomainAction.RequestApproval,
            OfferWindowHours = BookingSettings.DefaultOfferWindowHours,
        }, Ct)).Succeeded.ShouldBeTrue();
        var open = await PublishedAsync("Open forum " + unique);
        var page = await NewPageAsync(phone: true);

        await page.GotoInteractiveAsync(App.Url("/events/" + ev.Slug));

        await Assertions.Expect(page.GetByTestId("eligibility")).ToHaveTextAsync(
            "Who may book: Places are for people with an email address ending devon.gov.uk or a subdomain of it. Others may ask for approval.");
        await Assertions.Expect(page.GetByTestId("book-link")).ToBeVisibleAsync();
        await page.ShouldHaveNoAxeViolationsAsync();

        await page.GotoInteractiveAsync(App.Url("/events/" + open.Slug));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Open forum " + unique);
        await Assertions.Expect(page.GetByTestId("eligibility")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\"[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
