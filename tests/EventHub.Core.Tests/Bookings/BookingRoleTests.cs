using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>
/// Ticket types, questions, booking settings, moves and the audit log, tried by an organiser on none of the event's
/// teams (not found), a viewer (forbidden to change anything) and an editor (allowed), on a real SQLite file.
/// </summary>
public sealed class BookingRoleTests : IAsyncLifetime
{
    private BookingKit _kit = default!;
    private TicketType _staff = default!;
    private TicketType _partners = default!;
    private RegistrationQuestion _question = default!;

    public async ValueTask InitializeAsync()
    {
        _kit = await BookingKit.CreateAsync(capacity: 10);
        await Teams.StoreAsync(_kit.Database, Actors.Stranger);
        await Teams.JoinEventAsync(_kit.Database, Actors.Viewer, _kit.EventId, TeamRole.Viewer);
        await Teams.JoinEventAsync(_kit.Database, Actors.Editor, _kit.EventId, TeamRole.Editor);
        _staff = (await _kit.TicketTypes.SaveAsync(Actors.Organiser, _kit.EventId, null, "Council staff", "", 5, false)).Value!;
        _partners = (await _kit.TicketTypes.SaveAsync(Actors.Organiser, _kit.EventId, null, "Partners", "", 5, hidden: true)).Value!;
        _question = (await _kit.Questions.SaveAsync(Actors.Organiser, _kit.EventId, null, "Which team?", "", QuestionKind.ShortText, false, "")).Value!;
    }

    public ValueTask DisposeAsync() => _kit.DisposeAsync();

    [Fact]
    public async Task An_organiser_on_none_of_the_teams_is_told_ticket_types_and_questions_do_not_exist_and_nothing_changes()
    {
        (await _kit.TicketTypes.SaveAsync(Actors.Stranger, _kit.EventId, null, "Mine", "", null, false)).IsNotFound.ShouldBeTrue();
        (await _kit.TicketTypes.SaveAsync(Actors.Stranger, _kit.EventId, _staff.Id, "Renamed", "", null, false)).IsNotFound.ShouldBeTrue();
        (await _kit.TicketTypes.RemoveAsync(Actors.Stranger, _kit.EventId, _staff.Id)).IsNotFound.ShouldBeTrue();
        (await _kit.TicketTypes.MoveAsync(Actors.Stranger, _kit.EventId, _staff.Id, up: false)).IsNotFound.ShouldBeTrue();
        (await _kit.Questions.SaveAsync(Actors.Stranger, _kit.EventId, _question.Id, "Changed?", "", QuestionKind.ShortText, false, "")).IsNotFound.ShouldBeTrue();
        (await _kit.Questions.SetHiddenAsync(Actors.Stranger, _kit.EventId, _question.Id, true)).IsNotFound.ShouldBeTrue();
        (await _kit.Questions.RemoveAsync(Actors.Stranger, _kit.EventId, _question.Id)).IsNotFound.ShouldBeTrue();

        (await _kit.TicketTypes.ListAsync(Actors.Stranger, _kit.EventId)).ShouldBeEmpty();
        (await _kit.Questions.ListAsync(Actors.Stranger, _kit.EventId)).ShouldBeEmpty();
        (await _kit.TicketTypes.ListAsync(Actors.Organiser, _kit.EventId)).Select(t => t.Name).ShouldBe(["Council staff", "Partners"]);
        (await _kit.Questions.ListAsync(Actors.Organiser, _kit.EventId)).ShouldHaveSingleItem().Text.ShouldBe("Which team?");
    }

    [Fact]
    public async Task A_viewer_reads_the_ticket_types_without_private_links_and_may_change_nothing()
    {
        var seen = await _kit.TicketTypes.ListAsync(Actors.Viewer, _kit.EventId);
        seen.Select(t => t.Name).ShouldBe(["Council staff", "Partners"]);
        seen.ShouldAllBe(t => t.SecretToken == null);
        (await _kit.TicketTypes.ListAsync(Actors.Editor, _kit.EventId)).Single(t => t.Id == _partners.Id).SecretToken.ShouldNotBeNull();

        var save = await _kit.TicketTypes.SaveAsync(Actors.Viewer, _kit.EventId, _staff.Id, "Renamed", "", null, false);
        save.IsForbidden.ShouldBeTrue();
        save.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        (await _kit.TicketTypes.RemoveAsync(Actors.Viewer, _kit.EventId, _staff.Id)).IsForbidden.ShouldBeTrue();
        (await _kit.Questions.SetHiddenAsync(Actors.Viewer, _kit.EventId, _question.Id, true)).IsForbidden.ShouldBeTrue();
        (await _kit.Questions.MoveAsync(Actors.Viewer, _kit.EventId, _question.Id, up: true)).IsForbidden.ShouldBeTrue();
        (await _kit.Settings.SaveAsync(Actors.Viewer, BookingSettings.DefaultFor(_kit.EventId))).IsForbidden.ShouldBeTrue();
        (await _kit.TicketTypes.ListAsync(Actors.Organiser, _kit.EventId))[0].Name.ShouldBe("Council staff");
    }

    [Fact]
    public async Task An_editor_changes_ticket_types_questions_and_settings()
    {
        (await _kit.TicketTypes.SaveAsync(Actors.Editor, _kit.EventId, _staff.Id, "Staff", "", 5, false)).Succeeded.ShouldBeTrue();
        (await _kit.TicketTypes.MoveAsync(Actors.Editor, _kit.EventId, _staff.Id, up: false)).Succeeded.ShouldBeTrue();
        (await _kit.Questions.SetHiddenAsync(Actors.Editor, _kit.EventId, _question.Id, true)).Succeeded.ShouldBeTrue();
        var settings = BookingSettings.DefaultFor(_kit.EventId);
        settings.OfferWindowHours = 12;
        (await _kit.Settings.SaveAsync(Actors.Editor, settings)).Succeeded.ShouldBeTrue();

        (await _kit.Settings.GetAsync(Actors.Viewer, _kit.EventId))!.OfferWindowHours.ShouldBe(12);
        (await _kit.Settings.GetAsync(Actors.Stranger, _kit.EventId)).ShouldBeNull();
        (await _kit.TicketTypes.ListAsync(Actors.Editor, _kit.EventId)).Select(t => t.Name).ShouldBe(["Partners", "Staff"]);
    }

    [Fact]
    public async Task Settings_of_another_event_cannot_be_saved_by_naming_its_id()
    {
        var otherEvent = await _kit.AddEventAsync(10, slug: "other");
        await using (var db = _kit.Database.CreateDbContext())
        {
            // The kit makes Olive the owner of every event it adds: this one belongs to someone else.
            db.Set<TeamMember>().RemoveRange(db.Set<TeamMember>().Where(m => m.EventId == otherEvent));
            await db.SaveChangesAsync();
        }

        var outcome = await _kit.Settings.SaveAsync(Actors.Editor, BookingSettings.DefaultFor(otherEvent));

        outcome.IsNotFound.ShouldBeTrue();
        (await _kit.Settings.GetAsync(Actors.Admin, otherEvent))!.OfferWindowHours.ShouldBe(BookingSettings.DefaultFor(otherEvent).OfferWindowHours);
    }

    [Fact]
    public async Task Moving_a_booking_is_for_editors_and_a_stranger_is_told_it_does_not_exist()
    {
        var ann = await _kit.BookAsync("Ann Example", ticket: _staff.Id);
        var move = new MoveRequest(ann.BookingId, _partners.Id);

        (await _kit.Moves.GetMoveViewAsync(Actors.Stranger, _kit.EventId, ann.BookingId)).ShouldBeNull();
        (await _kit.Moves.GetMoveViewAsync(Actors.Viewer, _kit.EventId, ann.BookingId)).ShouldBeNull();
        (await _kit.Moves.MoveAsync(Actors.Stranger, move)).IsNotFound.ShouldBeTrue();
        (await _kit.Moves.MoveAsync(Actors.Viewer, move)).IsForbidden.ShouldBeTrue();
        (await _kit.BookingAsync(ann.BookingId)).TicketTypeId.ShouldBe(_staff.Id);

        (await _kit.Moves.GetMoveViewAsync(Actors.Editor, _kit.EventId, ann.BookingId))!.Name.ShouldBe("Ann Example");
        (await _kit.Moves.MoveAsync(Actors.Editor, move)).Succeeded.ShouldBeTrue();
        (await _kit.BookingAsync(ann.BookingId)).TicketTypeId.ShouldBe(_partners.Id);
    }

    [Fact]
    public async Task Only_administrators_read_the_audit_log_and_others_get_an_empty_one()
    {
        (await _kit.AuditLog.ListAsync(Actors.Admin, _kit.EventId)).ShouldNotBeEmpty();
        (await _kit.AuditLog.ListAsync(Actors.Editor, _kit.EventId)).ShouldBeEmpty();
        (await _kit.AuditLog.PageAsync(Actors.Stranger, new AuditLogQuery(_kit.EventId))).TotalCount.ShouldBe(0);
    }
}
