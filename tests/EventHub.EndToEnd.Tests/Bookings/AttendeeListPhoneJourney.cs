using EventHub.Core.Bookings;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Bookings;

/// <summary>On a 360 px phone the actions in an attendee's row are separate targets, not one run of words.</summary>
public sealed class AttendeeListPhoneJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Move_and_cancel_on_the_attendee_list_stand_apart_on_a_phone()
    {
        var eventId = await App.PublishedEventAsync("Phone List Day " + Guid.NewGuid().ToString("N")[..6], capacity: 1);
        var bookings = App.Service<BookingService>();
        foreach (var name in new[] { "Ann Apart", "Bob Apart" })
        {
            (await bookings.BookAsync(new BookingRequest(eventId, new BookingForm
            {
                Name = name, Email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@devon.gov.uk", Organisation = "Devon County Council", PrivacyConsent = true,
            }), Ct)).Succeeded.ShouldBeTrue();
        }

        var organiser = await App.NewOrganiserAsync("Pat Phone");
        var phone = await NewPageAsync(phone: true);
        await phone.SignInAsync(App, organiser);
        await phone.GotoInteractiveAsync(App.Url($"/organiser/events/{eventId}/attendees"));
        var rows = phone.GetByTestId("attendees-table").Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "Ann Apart" })).ToContainTextAsync("Confirmed");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await phone.ShouldHaveNoAxeViolationsAsync();

        // Ann (confirmed) has Move and Cancel; Bob (waiting) has Move up, Offer a place and Cancel.
        await ShouldStandApartAsync(rows.Filter(new() { HasText = "Ann Apart" }), ["move-attendee", "cancel-attendee"]);
        await ShouldStandApartAsync(rows.Filter(new() { HasText = "Bob Apart" }), ["move-up", "offer-place", "cancel-attendee"]);
    }

    private static async Task ShouldStandApartAsync(ILocator row, string[] testIds)
    {
        var boxes = new List<(string Id, LocatorBoundingBoxResult Box)>();
        foreach (var id in testIds)
        {
            var box = await row.GetByTestId(id).BoundingBoxAsync();
            box.ShouldNotBeNull(id);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(360, $"{id} runs past the screen");
            boxes.Add((id, box));
        }

        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i].Box, boxes[j].Box);
                var apartSideways = Math.Max(b.X - (a.X + a.Width), a.X - (b.X + b.Width));
                var apartDownwards = Math.Max(b.Y - (a.Y + a.Height), a.Y - (b.Y + b.Height));
                Math.Max(apartSideways, apartDownwards).ShouldBeGreaterThanOrEqualTo(8, $"{boxes[i].Id} and {boxes[j].Id} run together");
            }
        }
    }
}
