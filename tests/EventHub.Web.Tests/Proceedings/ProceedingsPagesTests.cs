using Bunit;
using EventHub.Core.Common;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;
using EventHub.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Web.Tests.Proceedings;

/// <summary>The record of the day's pages: notes, the record page, the series archive.</summary>
public sealed class ProceedingsPagesTests : BoardContext
{
    private readonly PlainForm _request = new();

    public ProceedingsPagesTests()
    {
        PlainForm.AddServices(this);
    }

    private async Task<string> NotesTokenAsync()
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        return (await Services.GetService<NotesService>()!.CreateLinkAsync(Actor.System, session)).Value!;
    }

    private async Task<int> SessionIdAsync(string title, int? slotId = null)
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput(title, "Ola"), "Ola")).Value!;
        return (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, slotId ?? SlotId)).Value!.SessionId;
    }

    /// <summary>The author's own link as the redirect after sending a write-up (or withdrawing the name) leaves it.</summary>
    private IRenderedComponent<WriteUpLinkPage> WriteUpLink(string token, string done)
    {
        Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.NavigateTo($"{WriteUpLinkPage.Path(token)}?done={done}");
        return Render<WriteUpLinkPage>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));
    }

    private string CurrentPathAndQuery => new Uri(Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.Uri).PathAndQuery;

    [Fact]
    public async Task After_sending_a_write_up_its_own_link_thanks_the_author_from_what_became_of_it_not_the_address()
    {
        var sessionId = await SessionIdAsync("Open data");
        var writeUps = Services.GetService<WriteUpService>()!;
        var writeUp = (await writeUps.SubmitWriteUpAsync(Slug, sessionId, new WriteUpInput("Ann", "We agreed.", null))).Value!;
        writeUp.Status.ShouldBe(WriteUpStatus.Pending);

        WriteUpLink(writeUp.Link!, "sent").Find("[data-testid=write-up-message]").TextContent
            .ShouldBe("Thank you. Your write-up will appear on the session’s page once an organiser has approved it.");

        // An organiser approves it; reloading the same address now says it is on the page, and it is.
        (await writeUps.ModerateWriteUpAsync(Actors.Organiser, writeUp.Id, approve: true)).Succeeded.ShouldBeTrue();
        WriteUpLink(writeUp.Link!, "sent").Find("[data-testid=write-up-message]").TextContent.ShouldBe("Thank you. Your write-up is now on the session’s page.");
        Render<SessionPage>(p => p.Add(x => x.Slug, Slug).Add(x => x.SessionId, sessionId)).Find("[data-testid=write-up]").TextContent.ShouldContain("Ann");

        // "withdrawn" in the address says nothing while the name is still there.
        WriteUpLink(writeUp.Link!, "withdrawn").FindAll("[data-testid=write-up-message]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_author_withdraws_their_name_with_a_plain_form_only_once_they_tick_to_confirm()
    {
        var sessionId = await SessionIdAsync("Open data");
        var writeUps = Services.GetService<WriteUpService>()!;
        await writeUps.SetTrustContributorsAsync(Actors.Organiser, EventId, true);
        var writeUp = (await writeUps.SubmitWriteUpAsync(Slug, sessionId, new WriteUpInput("Ann Author", "We agreed.", null))).Value!;
        var page = WriteUpLink(writeUp.Link!, "sent");
        page.Find("[data-testid=write-up-author]").TextContent.ShouldBe("Ann Author");
        page.Find("[data-testid=withdraw-name-form]").GetAttribute("method").ShouldBe("post");

        await _request.PressAsync(page, "[data-testid=withdraw-name]");

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain(ProceedingsErrors.WithdrawNotConfirmed.Message);
        page.Find("[data-testid=error-summary] a").GetAttribute("href").ShouldEndWith("#withdraw-Confirm");
        page.Find("#withdraw-Confirm-error").TextContent.ShouldContain(ProceedingsErrors.WithdrawNotConfirmed.Message);
        PlainForm.Tick(page, "#withdraw-Confirm");

        await _request.PressAsync(page, "[data-testid=withdraw-name]");

        CurrentPathAndQuery.ShouldBe($"{WriteUpLinkPage.Path(writeUp.Link!)}?done=withdrawn");
        var after = WriteUpLink(writeUp.Link!, "withdrawn");
        after.Find("[data-testid=write-up-message]").TextContent.ShouldBe($"Your name is withdrawn. The write-up now shows “{Credit.Participant}”.");
        after.Find("[data-testid=write-up-author]").TextContent.ShouldBe(Credit.Participant);
        after.FindAll("[data-testid=withdraw-name-form]").ShouldBeEmpty();
        var sessionPage = Render<SessionPage>(p => p.Add(x => x.Slug, Slug).Add(x => x.SessionId, sessionId)).Markup;
        sessionPage.ShouldNotContain("Ann Author");
        sessionPage.ShouldContain(Credit.Participant);
    }

    [Fact]
    public void A_made_up_write_up_link_shows_the_one_invalid_link_answer()
    {
        Render<WriteUpLinkPage>(p => p.Add(x => x.Token, SecureTokens.New())).Find("[data-testid=invalid-link]").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_convener_withdraws_their_name_from_the_notes_page_and_the_board_shows_a_participant()
    {
        var token = await NotesTokenAsync();
        var page = Render<SessionNotesPage>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));
        PlainForm.Tick(page, "#withdraw-Confirm");

        await _request.PressAsync(page, "[data-testid=withdraw-name]");

        CurrentPathAndQuery.ShouldBe($"/notes/{token}?done=name-withdrawn");
        Render<SessionNotesPage>(p => p.Add(x => x.Token, token)).Find("[data-testid=notes-message]").TextContent
            .ShouldBe($"Your name is withdrawn. The session now shows “{Credit.Participant}” as its convener.");
        (await Layout.GetBoardAsync(Actors.Organiser, EventId))!.Cells.ShouldHaveSingleItem().ConvenerName.ShouldBe(Credit.Participant);
    }

    [Fact]
    public async Task Without_a_circuit_the_save_button_posts_the_notes_and_redirects_back_saying_so()
    {
        var token = await NotesTokenAsync();
        var page = Render<SessionNotesPage>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));
        page.Find("[data-testid=notes-form]").GetAttribute("method").ShouldBe("post");
        PlainForm.Type(page, "notes-KeyPoints", "Share the data");
        PlainForm.Type(page, "notes-Participants", "Ola, Dee");

        await _request.PressAsync(page, "[data-testid=notes-save]");

        // Names without the consent box ticked: refused, with everything typed kept.
        page.Find("[data-testid=error-summary]").TextContent.ShouldContain("There is a problem");
        page.Find("#notes-KeyPoints").GetAttribute("value").ShouldBe("Share the data");
        page.Find("#notes-Participants").GetAttribute("value").ShouldBe("Ola, Dee");
        (await Services.GetService<NotesService>()!.GetAsync(EditorKey.ForToken(token)))!.KeyPoints.ShouldBeEmpty();
        PlainForm.Tick(page, "#notes-ParticipantsConsented");

        await _request.PressAsync(page, "[data-testid=notes-save]");

        new Uri(Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.Uri).PathAndQuery.ShouldBe($"/notes/{token}?done=saved");
        var saved = (await Services.GetService<NotesService>()!.GetAsync(EditorKey.ForToken(token)))!;
        (saved.KeyPoints, saved.Participants).ShouldBe(("Share the data", "Ola, Dee"));
        Render<SessionNotesPage>(p => p.Add(x => x.Token, token)).Find("[data-testid=notes-message]").TextContent.ShouldBe("Your notes are saved.");
    }

    [Fact]
    public async Task A_link_with_a_bad_address_is_refused_with_the_title_kept_then_added()
    {
        var token = await NotesTokenAsync();
        var page = Render<SessionNotesPage>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));
        PlainForm.Type(page, "link-Title", "GTFS reference");
        PlainForm.Type(page, "link-Url", "javascript:alert(1)");

        await _request.PressAsync(page, "[data-testid=add-link]");

        page.Find("[data-testid=error-summary] a").GetAttribute("href").ShouldEndWith("#link-Url");
        page.Find("#link-Title").GetAttribute("value").ShouldBe("GTFS reference");
        PlainForm.Type(page, "link-Url", "https://gtfs.org/");

        await _request.PressAsync(page, "[data-testid=add-link]");

        new Uri(Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.Uri).PathAndQuery.ShouldBe($"/notes/{token}?done=link");
        (await Services.GetService<NotesService>()!.GetAsync(EditorKey.ForToken(token)))!.Materials.ShouldHaveSingleItem().Url.ShouldBe("https://gtfs.org/");
    }

    [Fact]
    public async Task The_convener_hides_their_name_with_a_plain_form()
    {
        var token = await NotesTokenAsync();
        var page = Render<SessionNotesPage>(p => p.Add(x => x.Token, token).AddCascadingValue(_request.Http));
        PlainForm.Tick(page, "#notes-HideName");

        await _request.PressAsync(page, "[data-testid=save-hide-name]");

        new Uri(Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.Uri).PathAndQuery.ShouldBe($"/notes/{token}?done=name-hidden");
        (await Services.GetService<NotesService>()!.GetAsync(EditorKey.ForToken(token)))!.HideConvenerName.ShouldBeTrue();
    }

    [Fact]
    public async Task An_upload_refused_by_the_endpoint_shows_the_catalogues_words_against_the_file_field()
    {
        var token = await NotesTokenAsync();
        Services.GetService<Microsoft.AspNetCore.Components.NavigationManager>()!.NavigateTo($"/notes/{token}?upload-error=file_mismatch");

        var page = Render<SessionNotesPage>(p => p.Add(x => x.Token, token));

        page.Find("[data-testid=error-summary]").TextContent.ShouldContain(ProceedingsErrors.ContentMismatch.Message);
        page.Find("#upload-File-error").TextContent.ShouldContain(ProceedingsErrors.ContentMismatch.Message);
        page.Find("#upload-File").GetAttribute("aria-describedby").ShouldBe("upload-File-hint upload-File-error");
    }

    [Fact]
    public async Task The_notes_pages_checkboxes_sit_inside_their_labels()
    {
        var token = await NotesTokenAsync();

        var page = Render<SessionNotesPage>(p => p.Add(x => x.Token, token));

        foreach (var box in page.FindAll("input[type=checkbox]"))
        {
            box.ParentElement!.LocalName.ShouldBe("label", box.Id);
            box.ParentElement.GetAttribute("for").ShouldBe(box.Id);
        }

        page.FindAll("input[type=checkbox]").Count.ShouldBe(3, "consent, hide the name, confirm withdrawing it");
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
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        await Services.GetService<MaterialService>()!.AddLinkAsync(EditorKey.ForOrganiser(Actors.Organiser, session), "Video", "https://video.example.org/1");
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=record-materials]"));

        page.Find("[data-testid=record-materials] button.button--secondary").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=record-materials]").TextContent.ShouldContain("Hidden"));
        page.Find("[data-testid=publish-proceedings]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldContain("Proceedings published."));
        (await Services.GetService<ProceedingsService>()!.GetBookAsync(Actor.Anonymous, Slug))!.Sessions.Single().Materials.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_record_page_mails_a_notes_link_to_a_convener_who_left_an_address_and_says_why_not_otherwise()
    {
        var withAddress = (await Queue.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola", convenerEmail: "ola@devon.gov.uk")).Value!;
        await Placement.PlaceAsync(Actors.Organiser, withAddress.Id, RoomId, SlotId);
        var later = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
        var otherSlot = (await Layout.AddSlotAsync(Actors.Organiser, EventId, later, later.AddHours(1))).Value!.Id;
        var withoutAddress = (await Queue.ProposeAsync(EventId, new ProposalInput("Bus timetables", "Bo"), "Bo")).Value!;
        await Placement.PlaceAsync(Actors.Organiser, withoutAddress.Id, RoomId, otherSlot);
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.FindAll("[data-testid=mail-notes-link]").Count.ShouldBe(2));

        page.FindAll("[data-testid=mail-notes-link]").Single(b => b.TextContent.Contains("Open data", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("A new notes link for “Open data” is on its way to its convener."));
        await using (var db = Database.CreateDbContext())
        {
            (await db.Set<EventHub.Core.Email.OutboxMessage>().CountAsync(m => m.ToEmail == "ola@devon.gov.uk" && m.Template == OpenSpaceEmailTemplates.NotesLink)).ShouldBe(2, "one when placed, one now");
        }

        page.FindAll("[data-testid=mail-notes-link]").Single(b => b.TextContent.Contains("Bus timetables", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe(ProceedingsErrors.NoConvenerAddress.Message));
    }

    [Fact]
    public async Task A_refused_moderation_shows_why_and_never_says_the_write_up_was_approved()
    {
        var writeUp = await PendingWriteUpAsync();
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Markup.ShouldContain("by Wren Writer"));

        // Someone else removed the write-up after the page was opened.
        await using (var db = Database.CreateDbContext())
        {
            await db.Set<WriteUp>().Where(w => w.Id == writeUp).ExecuteDeleteAsync();
        }

        page.FindAll("button").First(b => b.TextContent.StartsWith("Approve", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldContain(ProceedingsErrors.WriteUpNotFound.Message));
        page.Find("[data-testid=record-message]").TextContent.ShouldNotContain("Approved");
        page.Find("[data-testid=record-message]").ClassList.ShouldContain("notification--warning");
    }

    [Fact]
    public async Task A_refused_change_to_trusting_contributors_shows_why_and_never_says_it_changed()
    {
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("#trust"));

        // Signed out in another tab while the page is open: the service sees no organiser and refuses.
        Auth.SetNotAuthorized();
        page.Find("#trust").Change(true);

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldContain(ProceedingsErrors.OrganisersOnlySettings.Message));
        page.Find("[data-testid=record-message]").TextContent.ShouldNotContain("Write-ups now show at once");
        (await Services.GetService<ProceedingsService>()!.GetSettingsAsync(Actors.Organiser, EventId))!.TrustContributors.ShouldBeFalse();
    }

    [Fact]
    public async Task A_notes_link_is_shown_once_and_reissuing_it_stops_the_old_one()
    {
        var session = await SessionIdAsync("Open data");
        var notes = Services.GetService<NotesService>()!;
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("[data-testid=show-notes-link]"));

        page.Find("[data-testid=show-notes-link]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=notes-link-issued]").TextContent.ShouldContain("it is not shown again"));
        var first = page.Find("[data-testid=notes-link]").GetAttribute("href")!.Split("/notes/")[1];
        (await notes.GetAsync(EditorKey.ForToken(first)))!.SessionId.ShouldBe(session);

        var again = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        again.WaitForAssertion(() => again.Find("[data-testid=notes-link-made]").TextContent.ShouldContain("A link was made"));
        again.FindAll("[data-testid=notes-link]").ShouldBeEmpty("the link is not shown again");
        again.Find("[data-testid=reissue-notes-link]").Click();
        again.Find("[data-testid=confirm-reissue-notes-link]").Click();

        again.WaitForAssertion(() => again.Find("[data-testid=record-message]").TextContent.ShouldContain("the old links stop working"));
        var second = again.Find("[data-testid=notes-link]").GetAttribute("href")!.Split("/notes/")[1];
        second.ShouldNotBe(first);
        (await notes.GetAsync(EditorKey.ForToken(first))).ShouldBeNull();
        (await notes.GetAsync(EditorKey.ForToken(second)))!.SessionId.ShouldBe(session);
    }

    private async Task<int> PendingWriteUpAsync()
    {
        var proposal = (await Queue.ProposeAsync(EventId, new ProposalInput("Open data", "Ola"), "Ola")).Value!;
        var session = (await Placement.PlaceAsync(Actors.Organiser, proposal.Id, RoomId, SlotId)).Value!.SessionId;
        var outcome = await Services.GetService<WriteUpService>()!.SubmitWriteUpAsync(Slug, session, new WriteUpInput("Wren Writer", "It went well", null));
        outcome.Value!.Status.ShouldBe(WriteUpStatus.Pending);
        return outcome.Value.Id;
    }
}
