using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Tests.Events.Access;

/// <summary>The dangerous use cases, tried by organisers with each kind of place (or none) on the event's team.</summary>
public sealed class TeamAccessTests : IAsyncLifetime
{
    private BookingKit _kit = default!;
    private EventService _events = default!;
    private EventAccess _access = default!;

    public async ValueTask InitializeAsync()
    {
        _kit = await BookingKit.CreateAsync();
        _events = new EventService(_kit.Database, _kit.Clock);
        _access = new EventAccess(_kit.Database);
        await Teams.StoreAsync(_kit.Database, Actors.Stranger);
        await Teams.JoinEventAsync(_kit.Database, Actors.Viewer, _kit.EventId, TeamRole.Viewer);
        await Teams.JoinEventAsync(_kit.Database, Actors.Door, _kit.EventId, TeamRole.Door);
        await Teams.JoinEventAsync(_kit.Database, Actors.Editor, _kit.EventId, TeamRole.Editor);
    }

    public ValueTask DisposeAsync() => _kit.DisposeAsync();

    [Fact]
    public async Task An_organiser_with_no_place_on_the_team_cannot_see_or_cancel_the_event()
    {
        (await _events.GetAsync(Actors.Stranger, _kit.EventId)).ShouldBeNull();
        (await _events.ListAsync(Actors.Stranger, new EventListQuery())).Items.ShouldBeEmpty();

        var cancel = await _events.SetStatusAsync(Actors.Stranger, _kit.EventId, EventStatus.Cancelled);

        cancel.IsNotFound.ShouldBeTrue();
        (await _kit.EventAsync()).Status.ShouldBe(EventStatus.Published);
    }

    [Fact]
    public async Task Only_the_owner_may_cancel_and_an_editor_is_told_their_role_does_not_allow_it()
    {
        var byEditor = await _events.SetStatusAsync(Actors.Editor, _kit.EventId, EventStatus.Cancelled);
        byEditor.IsForbidden.ShouldBeTrue();
        byEditor.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);

        (await _events.SetStatusAsync(Actors.Organiser, _kit.EventId, EventStatus.Cancelled)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task The_creator_of_an_event_is_its_owner_and_another_organiser_does_not_see_it()
    {
        var creator = Actor.Organiser("creator-1", "Cora Creator");
        await Teams.StoreAsync(_kit.Database, creator);
        var created = await _events.CreateAsync(creator, new EventInput
        {
            Title = "Cora's workshop", VenueName = "Hall", Capacity = 20,
            StartLocal = new DateTime(2026, 12, 3, 9, 30, 0), EndLocal = new DateTime(2026, 12, 3, 12, 0, 0),
        });

        (await _access.ForEventAsync(creator, created.Value!.Id)).Has(Permission.ManageTeam).ShouldBeTrue();
        (await _events.GetAsync(Actors.Stranger, created.Value.Id)).ShouldBeNull();
        (await _events.GetAsync(Actors.Admin, created.Value.Id)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_series_team_applies_to_every_edition()
    {
        int seriesId;
        await using (var db = _kit.Database.CreateDbContext())
        {
            var series = new EventSeries { Name = "Forum", Slug = "forum-series" };
            db.Series.Add(series);
            await db.SaveChangesAsync();
            seriesId = series.Id;
            await db.Events.Where(e => e.Id == _kit.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SeriesId, seriesId));
        }

        await Teams.JoinSeriesAsync(_kit.Database, Actors.Stranger, seriesId, TeamRole.Viewer);

        var granted = await _access.ForEventAsync(Actors.Stranger, _kit.EventId);
        granted.Has(Permission.ViewAttendees).ShouldBeTrue();
        granted.Has(Permission.Edit).ShouldBeFalse();
        (await _events.ListAsync(Actors.Stranger, new EventListQuery())).Items.Select(e => e.Id).ShouldBe([_kit.EventId]);
    }

    [Fact]
    public async Task The_export_has_needs_only_for_those_given_the_needs_flag_and_nothing_for_strangers()
    {
        var form = BookingKit.Form("Ann Attendee");
        form.DietaryNeeds = "Vegan";
        form.AccessNeeds = "Step-free access";
        (await _kit.Bookings.BookAsync(new BookingRequest(_kit.EventId, form))).Succeeded.ShouldBeTrue();

        (await _kit.Attendees.ExportRowsAsync(Actors.Stranger, _kit.EventId, withNeeds: true)).ShouldBeEmpty();
        (await _kit.Attendees.ExportRowsAsync(Actors.Door, _kit.EventId, withNeeds: true)).ShouldBeEmpty();
        var forViewer = (await _kit.Attendees.ExportRowsAsync(Actors.Viewer, _kit.EventId, withNeeds: true)).ShouldHaveSingleItem();
        forViewer.Name.ShouldBe("Ann Attendee");
        forViewer.DietaryNeeds.ShouldBeEmpty();
        forViewer.AccessNeeds.ShouldBeEmpty();

        var flagged = Actor.Organiser("needs-1", "Nia Needs");
        await Teams.JoinEventAsync(_kit.Database, flagged, _kit.EventId, TeamRole.Viewer, canSeeNeeds: true);
        (await _kit.Attendees.ExportRowsAsync(flagged, _kit.EventId, withNeeds: true)).ShouldHaveSingleItem().AccessNeeds.ShouldBe("Step-free access");
        (await _kit.Attendees.ListAsync(Actors.Stranger, new AttendeeQuery(_kit.EventId))).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_stranger_cannot_cancel_someone_elses_booking_by_its_id()
    {
        var booked = await _kit.BookAsync("Ann Attendee");

        var outcome = await _kit.Attendees.CancelAsync(Actors.Stranger, booked.BookingId, "no");

        outcome.IsNotFound.ShouldBeTrue();
        (await _kit.BookingAsync(booked.BookingId)).Status.ShouldBe(BookingStatus.Confirmed);
        (await _kit.Attendees.CancelAsync(Actors.Viewer, booked.BookingId, "no")).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task Outgoing_mail_shows_each_organiser_only_the_mail_of_events_whose_mail_they_may_read()
    {
        await using (var db = _kit.Database.CreateDbContext())
        {
            db.Set<OutboxMessage>().AddRange(
                new OutboxMessage { Template = "t", ToEmail = "ann@example.org", MessageId = "m1", EventId = _kit.EventId, Status = OutboxStatus.Failed },
                new OutboxMessage { Template = "t", ToEmail = "list@example.org", MessageId = "m2", EventId = null, Status = OutboxStatus.Failed });
            await db.SaveChangesAsync();
        }

        var mail = new OutgoingMail(_kit.Database, Options.Create(new EmailOptions()), _kit.Clock, new EventHub.Core.Events.Access.OutgoingMailAccess());

        (await mail.ListAsync(Actors.Stranger, null, 0, 20)).Items.ShouldBeEmpty();
        (await mail.ListAsync(Actors.Viewer, null, 0, 20)).Items.ShouldBeEmpty();
        (await mail.ListAsync(Actors.Editor, null, 0, 20)).Items.Select(m => m.ToEmail).ShouldBe(["ann@example.org"]);
        (await mail.ListAsync(Actors.Admin, null, 0, 20)).TotalCount.ShouldBe(2);
        (await mail.CountAsync(Actors.Stranger)).Failed.ShouldBe(0);
        var eventMailId = (await mail.ListAsync(Actors.Editor, null, 0, 20)).Items[0].Id;
        (await mail.RetryAsync(Actors.Stranger, eventMailId)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Door_links_are_made_reissued_and_revoked_only_by_owners_and_editors()
    {
        var links = new DoorLinkService(_kit.Database, _kit.Clock);
        var now = _kit.Clock.GetUtcNow().UtcDateTime;
        var input = new DoorLinkInput("Front door", now, now.AddDays(2));

        (await links.CreateAsync(Actors.Stranger, _kit.EventId, input)).IsNotFound.ShouldBeTrue();
        (await links.CreateAsync(Actors.Door, _kit.EventId, input)).IsForbidden.ShouldBeTrue();
        var made = await links.CreateAsync(Actors.Editor, _kit.EventId, input);
        made.Succeeded.ShouldBeTrue();

        (await links.ListAsync(Actors.Stranger, _kit.EventId)).ShouldBeEmpty();
        (await links.RevokeAsync(Actors.Stranger, made.Value!.Id)).IsNotFound.ShouldBeTrue();
        (await links.RevokeAsync(Actors.Door, made.Value.Id)).IsForbidden.ShouldBeTrue();
        (await links.ReissueAsync(Actors.Stranger, made.Value.Id)).IsNotFound.ShouldBeTrue();
        (await links.ReissueAsync(Actors.Door, made.Value.Id)).IsForbidden.ShouldBeTrue();
        (await links.ReissueAsync(Actors.Editor, made.Value.Id)).Succeeded.ShouldBeTrue();
        (await links.ListAsync(Actors.Editor, _kit.EventId)).ShouldHaveSingleItem().RevokedUtc.ShouldBeNull();
    }
}
