using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Events;

/// <summary>Everyone looking at an event sees the last place go, without a circuit: the places stream and a few lines of script.</summary>
public sealed class LivePlacesJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    private async Task<IPage> OpenWithStreamAsync(string path, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        var streaming = page.WaitForResponseAsync(r => r.Url.EndsWith("/places", StringComparison.Ordinal) && r.Status == 200);
        await page.GotoInteractiveAsync(App.Url(path));
        await streaming;
        return page;
    }

    [Fact]
    public async Task Two_visitors_on_the_event_page_and_one_on_the_booking_form_see_fully_booked_within_a_second_of_the_last_booking()
    {
        var (eventId, slug) = await PlacesStreamTests.EventWithOnePlaceAsync(App, "Live places forum");
        var first = await OpenWithStreamAsync($"/events/{slug}");
        var second = await OpenWithStreamAsync($"/events/{slug}", phone: true);
        var booking = await OpenWithStreamAsync($"/events/{slug}/book", phone: true);
        foreach (var page in new[] { first, second })
        {
            await Assertions.Expect(page.GetByTestId("event-places")).ToHaveTextAsync("1 of 1 places left");
            await Assertions.Expect(page.GetByTestId("book-link")).ToHaveTextAsync("Book a place");
            await Assertions.Expect(page.GetByTestId("event-places")).ToHaveAttributeAsync("aria-live", "polite");
        }

        await Assertions.Expect(booking.GetByTestId("book-places")).ToHaveTextAsync("1 of 1 places left");
        await first.ShouldHaveNoAxeViolationsAsync();
        await booking.ShouldHaveNoAxeViolationsAsync();

        await PlacesStreamTests.BookAsync(App, eventId, "Ann Example");

        var withinASecond = new LocatorAssertionsToHaveTextOptions { Timeout = 1000 };
        await Assertions.Expect(first.GetByTestId("event-places")).ToHaveTextAsync("Fully booked — join the waiting list", withinASecond);
        await Assertions.Expect(second.GetByTestId("event-places")).ToHaveTextAsync("Fully booked — join the waiting list", withinASecond);
        await Assertions.Expect(booking.GetByTestId("book-places")).ToHaveTextAsync("Fully booked — join the waiting list", withinASecond);
        await Assertions.Expect(second.GetByTestId("book-link")).ToHaveTextAsync("Join the waiting list");
        await second.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task Without_script_the_event_page_shows_the_places_as_of_page_load()
    {
        var (_, slug) = await PlacesStreamTests.EventWithOnePlaceAsync(App, "Scriptless places forum");
        var page = await NewPageAsync(javaScript: false);

        await page.GotoAsync(App.Url($"/events/{slug}"));

        await Assertions.Expect(page.GetByTestId("event-places")).ToHaveTextAsync("1 of 1 places left");
        await page.ShouldHaveNoAxeViolationsWithoutScriptAsync();
    }
}
