using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Polls;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Polls;

public sealed class PollJourney(SharedApp shared, BrowserFixture browser) : Journey(shared, browser)
{
    [Fact]
    public async Task Three_voters_answer_on_their_own_browsers_and_the_organiser_turns_the_most_popular_date_into_a_draft_event()
    {
        var (organiser, _) = await SignedInPageAsync();

        // The organiser creates a poll with three evenings, a week apart.
        await organiser.GotoInteractiveAsync(App.Url("/organiser/polls"));
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await organiser.GetByTestId("create-poll").ClickAsync();
        await Assertions.Expect(organiser).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/organiser/polls/new$"));
        await organiser.WaitForInteractiveAsync();
        var firstDay = DateTime.UtcNow.Date.AddDays(40);
        string Local(DateTime day, int hour) => day.AddHours(hour).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await organiser.FillFieldAsync("Title", "Exeter Tech Meet-up");
        await organiser.FillFieldAsync("Description", "Pizza and lightning talks.");
        await organiser.FillFieldAsync("Place", "The Phoenix, Exeter");
        await organiser.GetByTestId("save-poll").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("error-summary")).ToContainTextAsync("Enter the start and end of date 1");
        await Assertions.Expect(organiser.GetByTestId("Title")).ToHaveValueAsync("Exeter Tech Meet-up");
        await organiser.ShouldHaveNoAxeViolationsAsync();
        for (var i = 0; i < 3; i++)
        {
            if (i == 2)
            {
                await organiser.GetByTestId("add-date").ClickAsync();
            }

            await organiser.FillFieldAsync($"Options[{i}]", Local(firstDay.AddDays(7 * i), 19));
            await organiser.FillFieldAsync($"Options[{i}]-end", Local(firstDay.AddDays(7 * i), 21));
        }

        await organiser.GetByTestId("save-poll").ClickAsync();
        await Assertions.Expect(organiser).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/organiser/polls/\d+$"));
        await organiser.WaitForInteractiveAsync();
        await organiser.ShouldHaveNoAxeViolationsAsync();
        var shareLink = await organiser.GetByTestId("share-link").GetAttributeAsync("href");
        shareLink.ShouldNotBeNull();
        shareLink.ShouldStartWith("/polls/");

        // Three people answer, each in their own browser; one of them on a phone-sized screen.
        string[][] answers =
        [
            ["Yes", "No", "If need be"],
            ["No", "Yes", "If need be"],
            ["If need be", "Yes", "No"],
        ];
        string[] names = ["Ann", "Bob", "Cat"];
        for (var v = 0; v < 3; v++)
        {
            var voter = await NewPageAsync(phone: v == 2);
            await voter.GotoInteractiveAsync(App.Url(shareLink));
            await voter.ShouldHaveNoAxeViolationsAsync();
            var dates = voter.Locator("fieldset.poll-option");
            await Assertions.Expect(dates).ToHaveCountAsync(3);
            var yes = await dates.First.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).BoundingBoxAsync();
            var no = await dates.First.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).BoundingBoxAsync();
            if (v == 2)
            {
                // Below 600px each date is a list of its three choices, one under another.
                no!.Y.ShouldBeGreaterThan(yes!.Y + yes.Height);
            }
            else
            {
                // On a wide screen the three choices sit side by side, one row per date.
                no!.Y.ShouldBe(yes!.Y, tolerance: 2);
            }

            if (v == 1)
            {
                // Bob uses the keyboard alone: Tab into each radio group, arrow keys or Space to choose, Enter to send.
                await voter.GetByTestId("Name").FocusAsync();
                await voter.Keyboard.TypeAsync(names[v]);
                await voter.Keyboard.PressAsync("Tab");
                await voter.Keyboard.PressAsync("Tab");
                await voter.Keyboard.PressAsync("ArrowDown");
                await voter.Keyboard.PressAsync("ArrowDown");
                await voter.Keyboard.PressAsync("Tab");
                await voter.Keyboard.PressAsync("Space");
                await voter.Keyboard.PressAsync("Tab");
                await voter.Keyboard.PressAsync("ArrowDown");
                await voter.Keyboard.PressAsync("Tab");
                await Assertions.Expect(voter.GetByTestId("save-answers")).ToBeFocusedAsync();
                await voter.Keyboard.PressAsync("Enter");
            }
            else
            {
                await voter.FillFieldAsync("Name", names[v]);
                for (var d = 0; d < 3; d++)
                {
                    await dates.Nth(d).GetByRole(AriaRole.Radio, new() { Name = answers[v][d], Exact = true }).CheckAsync();
                }

                await voter.GetByTestId("save-answers").ClickAsync();
            }

            await Assertions.Expect(voter.GetByTestId("vote-saved")).ToBeVisibleAsync();
            await Assertions.Expect(voter.GetByTestId("private-link")).ToContainTextAsync("/polls/answers/");
            await Assertions.Expect(voter.GetByTestId("results-voter")).ToHaveCountAsync(v + 1);
            await voter.ShouldHaveNoAxeViolationsAsync();
            await voter.Context.CloseAsync();
        }

        // The organiser sees the counts, with the second evening (two Yes) marked and preselected.
        await organiser.ReloadAsync();
        await organiser.WaitForInteractiveAsync();
        var table = organiser.GetByTestId("results-table");
        await Assertions.Expect(table.Locator("tfoot td").Nth(0)).ToContainTextAsync("Yes 1");
        await Assertions.Expect(table.Locator("tfoot td").Nth(1)).ToContainTextAsync("Yes 2");
        await Assertions.Expect(table.Locator("tfoot td").Nth(2)).ToContainTextAsync("If need be 2");
        await Assertions.Expect(table.Locator("thead th").Nth(2)).ToContainTextAsync("Most popular");
        await Assertions.Expect(organiser.GetByTestId("finalise-form").GetByRole(AriaRole.Radio).Nth(1)).ToBeCheckedAsync();
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await organiser.GetByTestId("finalise").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("confirm-finalise")).ToBeVisibleAsync();
        await organiser.ShouldHaveNoAxeViolationsAsync();
        await organiser.GetByTestId("confirm-finalise-yes").ClickAsync();
        await Assertions.Expect(organiser.GetByTestId("finalised")).ToBeVisibleAsync();
        await organiser.ShouldHaveNoAxeViolationsAsync();

        // The draft event has the winning date.
        var winningStart = EventTime.TryToUtc(firstDay.AddDays(7).AddHours(19), EventTime.Zone("Europe/London"), out var s) ? s : default;
        var expectedWhen = EventTime.FormatRange(winningStart, winningStart.AddHours(2), "Europe/London");
        await organiser.GetByTestId("draft-event-link").ClickAsync();
        await Assertions.Expect(organiser).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/organiser/events/\d+$"));
        await organiser.WaitForInteractiveAsync();
        // The poll's page has the same h1 and date: wait until its link to the draft has gone, so this is the event's page.
        await Assertions.Expect(organiser.GetByTestId("draft-event-link")).ToHaveCountAsync(0);
        await Assertions.Expect(organiser.Locator("h1")).ToHaveTextAsync("Exeter Tech Meet-up");
        await Assertions.Expect(organiser.Locator("main")).ToContainTextAsync(expectedWhen);
        await organiser.ShouldHaveNoAxeViolationsAsync();
        var eventId = int.Parse(organiser.Url[(organiser.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        var ev = (await App.Service<EventService>().GetAsync(Actor.System, eventId, TestContext.Current.CancellationToken))!.Event;
        ev.Status.ShouldBe(EventStatus.Draft);
        ev.StartUtc.ShouldBe(winningStart);
        ev.VenueName.ShouldBe("The Phoenix, Exeter");
        (await App.Service<PollSetupService>().ListAsync(Actor.System, TestContext.Current.CancellationToken)).ShouldContain(p => p.EventId == eventId);
    }
}
