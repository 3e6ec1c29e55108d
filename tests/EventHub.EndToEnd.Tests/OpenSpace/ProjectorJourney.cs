using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.OpenSpace;

/// <summary>The projector fills a hall's screen with the board and the marketplace; the facilitator moves it on with one key.</summary>
public sealed class ProjectorJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task The_projector_fills_the_screen_marks_the_current_slot_and_follows_the_facilitators_next_pitch_key(int width, int height)
    {
        var seed = await OpenSpaceSeed.CreateAsync(App);
        var now = DateTime.UtcNow;
        var running = (await App.Service<BoardLayoutService>().AddSlotAsync(Actor.System, seed.EventId, now.AddMinutes(-30), now.AddMinutes(30))).Value!;
        var queue = App.Service<PitchQueueService>();
        foreach (var (title, convener) in new[] { ("Repair cafés", "Rita"), ("Open data for parish councils", "Pat"), ("Libraries as warm spaces", "Lin"), ("Plain English letters", "Ed"), ("Digital inclusion", "Di") })
        {
            await queue.ProposeAsync(seed.EventId, new ProposalInput(title, convener), convener);
        }

        var projector = await NewPageAsync();
        await projector.SetViewportSizeAsync(width, height);
        await projector.GotoInteractiveAsync(App.Url($"/events/{seed.Slug}/board/projector"));

        await Assertions.Expect(projector.GetByTestId("now-pitching")).ToContainTextAsync("Repair cafés");
        await Assertions.Expect(projector.GetByTestId("up-next").Locator("li")).ToContainTextAsync(["Open data for parish councils", "Libraries as warm spaces", "Plain English letters"]);
        await Assertions.Expect(projector.GetByTestId("current-slot")).ToContainTextAsync("Now");
        (await projector.GetByTestId("current-slot").Locator("th").GetAttributeAsync("aria-current")).ShouldBe("time");
        await Assertions.Expect(projector.Locator("[aria-current=time]")).ToHaveCountAsync(1);
        running.Id.ShouldNotBe(seed.SlotId);

        // Edge to edge: no site chrome, nothing scrolls, the board fills the viewport.
        (await projector.Locator("header, footer, nav, .skip-link").CountAsync()).ShouldBe(0);
        var fit = await FitAsync(projector);
        fit.ShouldBe([width, height, width, height, 0], "page width, height, projector width, height, regions that overflow");

        // Focus goes to the heading on load, with no ring drawn on the wall.
        var outline = await projector.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.boxShadow; }");
        outline.ShouldBe("none none");
        await projector.ShouldHaveNoAxeViolationsAsync();

        var facilitator = await NewPageAsync();
        await seed.SignInAsync(facilitator, App);
        await facilitator.GotoInteractiveAsync(App.Url($"/organiser/events/{seed.EventId}/board"));
        await Assertions.Expect(facilitator.GetByTestId("facilitator-now-pitching")).ToContainTextAsync("Repair cafés");
        await facilitator.ShouldHaveNoAxeViolationsAsync();
        await facilitator.Keyboard.PressAsync("ArrowRight");

        await Assertions.Expect(facilitator.GetByTestId("board-message")).ToContainTextAsync("“Repair cafés” has pitched. Now pitching: “Open data for parish councils”.");
        await Assertions.Expect(projector.GetByTestId("now-pitching")).ToContainTextAsync("Open data for parish councils");
        await Assertions.Expect(projector.GetByTestId("up-next").Locator("li")).ToContainTextAsync(["Libraries as warm spaces", "Plain English letters", "Digital inclusion"]);

        await facilitator.GetByTestId("advance-pitch").ClickAsync();
        await Assertions.Expect(projector.GetByTestId("now-pitching")).ToContainTextAsync("Libraries as warm spaces");
        await projector.ShouldHaveNoAxeViolationsAsync();
    }

    /// <summary>Page width and height, the projector's width and height, and how many of its regions overflow.</summary>
    internal static Task<int[]> FitAsync(IPage projector) => projector.EvaluateAsync<int[]>("""
        () => {
          const d = document.documentElement, p = document.querySelector('[data-testid=projector]').getBoundingClientRect();
          const over = [...document.querySelectorAll('.projector__board, .projector__side, .projector__news, .projector__board .table-scroll')]
            .filter(e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1).length;
          return [d.scrollWidth, d.scrollHeight, Math.round(p.width), Math.round(p.height), over];
        }
        """);
}
