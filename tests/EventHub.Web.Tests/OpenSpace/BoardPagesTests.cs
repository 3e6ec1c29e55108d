using Bunit;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.OpenSpace;
using EventHub.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Web.Tests.OpenSpace;

public sealed class BoardPagesTests : BoardContext
{
    private readonly PlainForm _request = new();

    public BoardPagesTests()
    {
        PlainForm.AddServices(this);
    }

    [Fact]
    public async Task Choosing_a_proposal_then_a_cell_places_it_on_the_board()
    {
        await Queue.ProposeAsync(EventId, new ProposalInput("Digital inclusion", "Dee"), "Dee");
        var page = Render<FacilitationBoardPage>(p => p.Add(x => x.Id, EventId));

        page.WaitForAssertion(() => page.Find("[data-testid=select-proposal]"));
        page.Find("[data-testid=select-proposal]").Click();
        page.Find("[data-testid=selection]").TextContent.ShouldContain("Placing “Digital inclusion”");
        page.Find("[data-testid=place-here]").Click();

        page.WaitForAssertion(() => page.Find($"[data-testid=cell-{RoomId}-{SlotId}]").TextContent.ShouldContain("Digital inclusion"));
        page.Find("[data-testid=board-message]").TextContent.ShouldContain("Placed “Digital inclusion” in Garden room.");
        page.FindAll("[data-testid=queue-item]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Move_up_and_move_down_buttons_reorder_the_pitch_queue()
    {
        await Queue.ProposeAsync(EventId, new ProposalInput("First", "Ann"), "Ann");
        await Queue.ProposeAsync(EventId, new ProposalInput("Second", "Bob"), "Bob");
        var page = Render<FacilitationBoardPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=queue-item]").Count.ShouldBe(2));
        page.FindAll("[data-testid=queue-up]")[0].HasAttribute("disabled").ShouldBeTrue();

        // The board reloads on its own live message after each move: find and click in one go on the renderer's thread,
        // or a reload between the two leaves the click on a button that is gone.
        await page.InvokeAsync(() => page.FindAll("[data-testid=queue-up]")[1].Click());

        page.WaitForAssertion(() => page.FindAll("[data-testid=queue-item]")[0].TextContent.ShouldContain("Second"));
        page.Find("[data-testid=board-message]").TextContent.ShouldContain("Moved “Second” up the queue.");
        await page.InvokeAsync(() => page.FindAll("[data-testid=queue-down]")[0].Click());
        page.WaitForAssertion(() => page.FindAll("[data-testid=queue-item]")[0].TextContent.ShouldContain("First"));
    }

    [Fact]
    public void The_pitch_desk_shows_errors_in_a_summary_and_keeps_what_was_typed()
    {
        var page = Render<FacilitationBoardPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=pitch-submit]"));

        page.Find("#pitch-Description").Change("Only a description");
        page.Find("[data-testid=pitch-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("There is a problem"));
        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Enter a title for the session");
        page.Find("#pitch-Description").GetAttribute("value").ShouldBe("Only a description");
    }

    [Fact]
    public async Task The_phone_view_shows_the_board_as_it_stands_and_names_its_change_stream_without_following_it_itself()
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var page = RenderPhoneBoard();
        page.Find("[data-testid=phone-queue]").TextContent.ShouldContain("Open data");
        page.FindAll("[data-testid=phone-session]").ShouldBeEmpty();
        page.Find("[data-testid=board-live]").GetAttribute("data-board-changes").ShouldBe($"/events/{Slug}/board/changes");

        await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId);

        RenderPhoneBoard().Find("[data-testid=phone-session]").TextContent.ShouldContain("Open data");
        Signal.ListenerCount(EventId).ShouldBe(0, "the static page holds no subscription; its script follows the change stream");
    }

    [Fact]
    public async Task Marking_interest_with_the_plain_form_keeps_the_name_on_an_error_and_redirects_back_with_thanks()
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        RenderPhoneBoard().Find("[data-testid=interest-open]").GetAttribute("href").ShouldBe($"/events/{Slug}/board?interest={session}#session-{session}");
        var page = RenderPhoneBoard($"?interest={session}");
        PlainForm.Type(page, $"interest-{session}-Name", "Ivy");

        await _request.PressAsync(page, "[data-testid=interest-submit]");

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Enter an email address");
        page.Find($"#interest-{session}-Name").GetAttribute("value").ShouldBe("Ivy");
        PlainForm.Type(page, $"interest-{session}-Email", "ivy@example.com");

        await _request.PressAsync(page, "[data-testid=interest-submit]");

        new Uri(Services.GetRequiredService<NavigationManager>().Uri).PathAndQuery.ShouldBe($"/events/{Slug}/board?interested={session}");
        var after = RenderPhoneBoard($"?interested={session}");
        after.Find("[data-testid=interest-message]").TextContent.ShouldContain("You are down as interested in “Open data”");
        after.Find("[data-testid=phone-session]").TextContent.ShouldContain("1 interested");
    }

    private IRenderedComponent<PhoneBoardPage> RenderPhoneBoard(string? query = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/events/{Slug}/board{query}");
        return Render<PhoneBoardPage>(p => p.Add(x => x.Slug, Slug).AddCascadingValue(_request.Http));
    }
}
