using Bunit;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.OpenSpace;

namespace EventHub.Web.Tests.OpenSpace;

public sealed class BoardPagesTests : BoardContext
{
    [Fact]
    public async Task Choosing_a_proposal_then_a_cell_places_it_on_the_board()
    {
        await Board.ProposeAsync(EventId, new ProposalInput("Digital inclusion", "Dee"), "Dee");
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
        await Board.ProposeAsync(EventId, new ProposalInput("First", "Ann"), "Ann");
        await Board.ProposeAsync(EventId, new ProposalInput("Second", "Bob"), "Bob");
        var page = Render<FacilitationBoardPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=queue-item]").Count.ShouldBe(2));
        page.FindAll("[data-testid=queue-up]")[0].HasAttribute("disabled").ShouldBeTrue();

        page.FindAll("[data-testid=queue-up]")[1].Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=queue-item]")[0].TextContent.ShouldContain("Second"));
        page.Find("[data-testid=board-message]").TextContent.ShouldContain("Moved “Second” up the queue.");
        page.FindAll("[data-testid=queue-down]")[0].Click();
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
    public async Task The_phone_view_updates_when_the_board_changes_elsewhere()
    {
        var proposal = (await Board.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var page = Render<PhoneBoardPage>(p => p.Add(x => x.Slug, Slug));
        page.WaitForAssertion(() => page.Find("[data-testid=phone-queue]").TextContent.ShouldContain("Open data"));
        page.FindAll("[data-testid=phone-session]").ShouldBeEmpty();

        await Board.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId);

        page.WaitForAssertion(() => page.Find("[data-testid=phone-session]").TextContent.ShouldContain("Open data"), TimeSpan.FromSeconds(2));
        Changes.ListenerCount(EventId).ShouldBe(1);
    }

    [Fact]
    public async Task Marking_interest_without_an_email_shows_the_error_and_with_one_thanks_the_person()
    {
        var proposal = (await Board.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var session = (await Board.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        var page = Render<PhoneBoardPage>(p => p.Add(x => x.Slug, Slug));
        page.WaitForAssertion(() => page.Find("[data-testid=phone-session] button"));

        page.Find("[data-testid=phone-session] button").Click();
        page.Find($"#interest-{session}-Name").Change("Ivy");
        page.Find("[data-testid=phone-session] button.button").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("Enter an email address"));

        page.Find($"#interest-{session}-Email").Change("ivy@example.com");
        page.Find("[data-testid=phone-session] button.button").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=interest-message]").TextContent.ShouldContain("You are down as interested in “Open data”"));
    }

    [Fact]
    public async Task The_notes_page_saves_and_says_when()
    {
        var proposal = (await Board.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var session = (await Board.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        var token = (await Services.GetService<NotesService>()!.GetEditTokenAsync(Actor.System, session)).Value!;
        var page = Render<SessionNotesPage>(p => p.Add(x => x.Token, token));
        page.WaitForAssertion(() => page.Find("[data-testid=save-status]").TextContent.ShouldBe("Not edited yet"));

        page.Find("[data-testid=notes-keypoints]").Input("Share the data");
        page.Find("[data-testid=notes-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=save-status]").TextContent.ShouldStartWith("Saved at"));
        (await Services.GetService<NotesService>()!.GetAsync(EditorKey.ForToken(token)))!.KeyPoints.ShouldBe("Share the data");
    }

    [Fact]
    public void The_series_archive_links_to_published_proceedings_only()
    {
        var page = Render<SeriesArchive>(p => p.Add(x => x.Editions, [
            new ArchiveEdition(1, "Open Space 2025", "os-2025", "Summary", "Europe/London", new DateTime(2025, 6, 1, 9, 0, 0, DateTimeKind.Utc), true, 12, 3, 2),
            new ArchiveEdition(2, "Open Space 2024", "os-2024", "", "Europe/London", new DateTime(2024, 6, 1, 9, 0, 0, DateTimeKind.Utc), false, 8, 0, 0),
        ]));

        page.FindAll("a[href$='/proceedings']").Select(a => a.GetAttribute("href")).ShouldBe(["/events/os-2025/proceedings"]);
        page.Markup.ShouldContain("12 sessions · 3 slides and files · 2 write-ups");
    }

    [Fact]
    public async Task Organisers_hide_material_and_publish_the_proceedings_from_the_record_page()
    {
        var proposal = (await Board.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var session = (await Board.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        await Services.GetService<MaterialService>()!.AddLinkAsync(EditorKey.ForOrganiser(Actors.Organiser, session), "Video", "https://video.example.org/1");
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=record-materials]"));

        page.Find("[data-testid=record-materials] button.button--secondary").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=record-materials]").TextContent.ShouldContain("Hidden"));
        page.Find("[data-testid=publish-proceedings]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldContain("Proceedings published."));
        (await Services.GetService<ProceedingsService>()!.GetBookAsync(Actor.Anonymous, Slug))!.Sessions.Single().Materials.ShouldBeEmpty();
    }
}
