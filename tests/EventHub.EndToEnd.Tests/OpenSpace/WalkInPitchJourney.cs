using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Email;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

public sealed class WalkInPitchJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task A_walk_in_pitches_from_the_projector_QR_code_and_the_facilitator_lets_it_in_and_places_it()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);

        // The facilitator opens the board to walk-ins, with moderation.
        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await facilitator.GetByTestId("walk-ins-may-pitch").CheckAsync();
        await facilitator.GetByTestId("walk-ins-moderated").CheckAsync();
        await facilitator.GetByTestId("walk-ins-save").ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId("walk-in-message")).ToContainTextAsync("Each pitch waits for a facilitator");
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        // The projector shows a QR code for the pitch form.
        var projector = await NewPageAsync();
        await projector.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board/projector"));
        // The code is drawn once the board has loaded: wait for it rather than read an image without one.
        await Assertions.Expect(projector.GetByTestId("pitch-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^data:image/png;base64,"));
        var qr = await projector.GetByTestId("pitch-qr").GetAttributeAsync("src");
        var pitchUrl = QrDecoder.Decode(Convert.FromBase64String(qr!["data:image/png;base64,".Length..]));
        pitchUrl.ShouldBe(App.Url($"/p/{seed.EventId}"));
        await projector.ShouldHaveNoAxeViolationsAsync();

        // A walk-in on a phone scans it, forgets the title, then pitches.
        var phone = await NewPageAsync(phone: true);
        await phone.GotoInteractiveAsync(pitchUrl!);
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pitch a session");
        await phone.ShouldHaveNoAxeViolationsAsync();
        await phone.GetByLabel("Your name").FillAsync("Wendy Walker");
        await phone.GetByTestId("walk-in-submit").ClickAsync();
        await Assertions.Expect(phone.Locator(".error-summary")).ToContainTextAsync("Enter a title for your session");
        await Assertions.Expect(phone.GetByLabel("Your name")).ToHaveValueAsync("Wendy Walker");
        await phone.ShouldHaveNoAxeViolationsAsync();
        await phone.GetByLabel("Session title").FillAsync("Libraries as labs");
        await phone.GetByTestId("walk-in-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("pitch-confirmation")).ToContainTextAsync("is with the facilitators");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await phone.ShouldHaveNoAxeViolationsAsync();

        // The facilitator sees it waiting without reloading, lets it in and places it.
        await Assertions.Expect(facilitator.GetByTestId("moderation-item")).ToContainTextAsync("Libraries as labs");
        await facilitator.GetByTestId("moderation-approve").ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId("queue")).ToContainTextAsync("Libraries as labs");
        await facilitator.GetByTestId("select-proposal").ClickAsync();
        await facilitator.GetByTestId("place-here").First.ClickAsync();
        await Assertions.Expect(facilitator.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}")).ToContainTextAsync("Libraries as labs");
        await facilitator.ShouldHaveNoAxeViolationsAsync();

        // The projector shows it in its room and slot.
        await Assertions.Expect(projector.GetByTestId($"cell-{seed.RoomId}-{seed.SlotId}")).ToContainTextAsync("Wendy Walker");
        await projector.ShouldHaveNoAxeViolationsAsync();
    }

    [Fact]
    public async Task The_pitch_form_says_when_only_ticket_holders_may_pitch()
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);

        var phone = await NewPageAsync(phone: true);
        await phone.GotoInteractiveAsync(App.Url($"/p/{seed.EventId}"));

        await Assertions.Expect(phone.GetByTestId("pitch-closed")).ToContainTextAsync(OpenSpaceErrors.WalkInsClosed.Message);
        await Assertions.Expect(phone.GetByTestId("walk-in-submit")).ToHaveCountAsync(0);
        await phone.ShouldHaveNoAxeViolationsAsync();
    }
}
