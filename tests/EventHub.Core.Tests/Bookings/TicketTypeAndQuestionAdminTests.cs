using EventHub.Core.Bookings;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Editing, removing, hiding and reordering ticket types and registration questions.</summary>
public sealed class TicketTypeAndQuestionAdminTests
{
    [Fact]
    public async Task A_ticket_type_with_bookings_cannot_be_removed_and_the_organiser_is_told_why()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", null, false)).Value!;
        var ann = await kit.BookAsync("Ann Example", ticket: staff.Id);
        await kit.Bookings.CancelAsync(ann.ManageToken);

        var removed = await kit.TicketTypes.RemoveAsync(Actors.Organiser, kit.EventId, staff.Id);

        removed.ErrorCode.ShouldBe(BookingErrors.InUse.Code);
        removed.Errors.Single().Message.ShouldStartWith("\"Council staff\" cannot be removed because 1 booking uses it");
        (await kit.TicketTypes.ListAsync(kit.EventId)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_unused_ticket_type_is_removed_and_the_removal_audited()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", null, false)).Value!;

        (await kit.TicketTypes.RemoveAsync(Actors.Organiser, kit.EventId, staff.Id)).Value.ShouldBe("Council staff");

        (await kit.TicketTypes.ListAsync(kit.EventId)).ShouldBeEmpty();
        (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).ShouldContain(a => a.Action == "ticket-type-removed");
        (await kit.TicketTypes.RemoveAsync(EventHub.Core.Common.Actor.Anonymous, kit.EventId, staff.Id)).ErrorCode
            .ShouldBe(EventHub.Core.Common.ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task A_quota_cannot_be_edited_below_the_places_already_taken()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", 5, false)).Value!;
        await kit.BookAsync("Ann Example", ticket: staff.Id);
        await kit.BookAsync("Bob Example", ticket: staff.Id);

        var edited = await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, staff.Id, "Staff", "", 1, false);

        edited.ErrorFor(nameof(TicketType.Quota)).ShouldBe("Quota cannot be less than the 2 places already taken");
        (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, staff.Id, "Staff", "", 2, false)).Succeeded.ShouldBeTrue();
        var saved = (await kit.TicketTypes.ListAsync(kit.EventId)).Single();
        (saved.Name, saved.Quota, saved.PlacesTaken).ShouldBe(("Staff", (int?)2, 2));
    }

    [Fact]
    public async Task Moving_a_ticket_type_up_and_down_reorders_the_list_and_the_ends_say_so()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        foreach (var name in new[] { "A", "B", "C" })
        {
            await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, name, "", null, false);
        }

        var types = await kit.TicketTypes.ListAsync(kit.EventId);
        (await kit.TicketTypes.MoveAsync(Actors.Organiser, kit.EventId, types[2].Id, up: true)).Succeeded.ShouldBeTrue();
        (await kit.TicketTypes.ListAsync(kit.EventId)).Select(t => t.Name).ShouldBe(["A", "C", "B"]);
        (await kit.TicketTypes.MoveAsync(Actors.Organiser, kit.EventId, types[0].Id, up: false)).Succeeded.ShouldBeTrue();
        (await kit.TicketTypes.ListAsync(kit.EventId)).Select(t => t.Name).ShouldBe(["C", "A", "B"]);

        var first = await kit.TicketTypes.MoveAsync(Actors.Organiser, kit.EventId, types[2].Id, up: true);
        first.Errors.Single().Message.ShouldBe("\"C\" is already first.");
    }

    [Fact]
    public async Task An_answered_question_cannot_be_removed_but_hiding_it_stops_asking_and_keeps_the_answers()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var team = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Which team?", "", QuestionKind.ShortText, true, "")).Value!;
        var form = BookingKit.Form("Ann Example");
        form.Answers[team.Id] = "Digital";
        var ann = (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, form))).Value!;

        var removed = await kit.Questions.RemoveAsync(Actors.Organiser, kit.EventId, team.Id);
        removed.ErrorCode.ShouldBe(BookingErrors.InUse.Code);
        removed.Errors.Single().Message.ShouldContain("1 person has answered it. Hide it instead");

        (await kit.Questions.SetHiddenAsync(Actors.Organiser, kit.EventId, team.Id, hidden: true)).Succeeded.ShouldBeTrue();

        // No longer asked, and no longer required of new bookings.
        (await new PublicBooking(kit.Database, kit.Clock).GetFormAsync("forum", null))!.Questions.ShouldBeEmpty();
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Bob Example")))).Succeeded.ShouldBeTrue();
        // Ann's answer is kept, and saving her other answers does not lose it.
        (await kit.Bookings.UpdateAnswersAsync(ann.ManageToken, new() { [team.Id] = "Digital" }, "Vegan", "")).Succeeded.ShouldBeTrue();
        var export = await kit.Attendees.ExportRowsAsync(Actors.Organiser, kit.EventId);
        export.Single(b => b.Id == ann.BookingId).Answers.ShouldHaveSingleItem().Value.ShouldBe("Digital");
        (await kit.Questions.ListAsync(kit.EventId)).ShouldHaveSingleItem().Hidden.ShouldBeTrue();
    }

    [Fact]
    public async Task An_unanswered_question_is_removed_and_questions_reorder()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var first = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "First?", "", QuestionKind.ShortText, false, "")).Value!;
        var second = (await kit.Questions.SaveAsync(Actors.Organiser, kit.EventId, null, "Second?", "", QuestionKind.ShortText, false, "")).Value!;

        (await kit.Questions.MoveAsync(Actors.Organiser, kit.EventId, second.Id, up: true)).Succeeded.ShouldBeTrue();
        (await kit.Questions.ListAsync(kit.EventId)).Select(q => q.Text).ShouldBe(["Second?", "First?"]);

        (await kit.Questions.RemoveAsync(Actors.Organiser, kit.EventId, first.Id)).Value.ShouldBe("First?");
        (await kit.Questions.ListAsync(kit.EventId)).ShouldHaveSingleItem().Text.ShouldBe("Second?");
    }

    [Fact]
    public async Task The_audit_log_is_paged_newest_first_and_only_for_administrators()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        for (var i = 0; i < 30; i++)
        {
            await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, $"Type {i:00}", "", null, false);
            kit.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await kit.AuditLog.PageAsync(Actors.Admin, new AuditLogQuery(kit.EventId, Page: 1, PageSize: 25));

        page.TotalCount.ShouldBe(30);
        page.Items.Select(a => a.Detail).ShouldBe(Enumerable.Range(0, 5).Reverse().Select(i => $"Saved ticket type \"Type {i:00}\""));
        await Should.ThrowAsync<EventHub.Core.Common.NotAuthorisedException>(() => kit.AuditLog.PageAsync(Actors.Organiser, new AuditLogQuery(kit.EventId)));
    }
}
