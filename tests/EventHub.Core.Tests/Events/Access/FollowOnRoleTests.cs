using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.FollowUps;
using EventHub.Core.MailingLists;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Tests.Events.Access;

/// <summary>
/// Bulk email, reminders, announcing to the mailing list, retention and copying an edition, tried by an organiser
/// on none of the event's teams (not found), a viewer (forbidden) and an editor (allowed), on a real SQLite file.
/// </summary>
public sealed class FollowOnRoleTests : IAsyncLifetime
{
    private BookingKit _kit = default!;
    private BulkEmailService _bulk = default!;
    private ReminderService _reminders = default!;
    private MailingListService _lists = default!;
    private RetentionService _retention = default!;
    private EditionCopyService _copier = default!;
    private int _seriesId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static BulkEmailInput Message => new() { Audience = BulkAudience.Confirmed, Subject = "Parking", Body = "Use the north car park." };

    public async ValueTask InitializeAsync()
    {
        _kit = await BookingKit.CreateAsync();
        _bulk = new BulkEmailService(_kit.Database, _kit.Clock, _kit.Database.Leases(_kit.Clock));
        _reminders = new ReminderService(_kit.Database, _kit.Clock, _kit.Bookings);
        _lists = new MailingListService(_kit.Database, _kit.Clock);
        _retention = new RetentionService(_kit.Database, _kit.Clock, Options.Create(new PrivacyOptions()));
        _copier = new EditionCopyService(_kit.Database, _kit.Clock, [new BookingEditionCopy(), new ReminderEditionCopy()]);
        await using (var db = _kit.Database.CreateDbContext())
        {
            var series = new EventSeries { Name = "Digital Forum", Slug = "digital-forum-series" };
            db.Series.Add(series);
            await db.SaveChangesAsync(Ct);
            _seriesId = series.Id;
            await db.Events.Where(e => e.Id == _kit.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.SeriesId, _seriesId), Ct);
        }

        await Teams.StoreAsync(_kit.Database, Actors.Stranger);
        await Teams.JoinEventAsync(_kit.Database, Actors.Viewer, _kit.EventId, TeamRole.Viewer);
        await Teams.JoinEventAsync(_kit.Database, Actors.Editor, _kit.EventId, TeamRole.Editor);
        await _kit.BookAsync("Ann Attendee");
    }

    public ValueTask DisposeAsync() => _kit.DisposeAsync();

    [Fact]
    public async Task An_organiser_on_none_of_the_teams_is_told_the_event_does_not_exist_and_nothing_is_sent_or_saved()
    {
        (await _bulk.PreviewAsync(Actors.Stranger, _kit.EventId, Message, Ct)).IsNotFound.ShouldBeTrue();
        (await _bulk.SendAsync(Actors.Stranger, _kit.EventId, Message, null, Ct)).IsNotFound.ShouldBeTrue();
        (await _bulk.SendAsync(Actors.Stranger, _kit.EventId, new BulkEmailInput(), null, Ct)).IsNotFound.ShouldBeTrue("the role is checked before the input");
        (await _bulk.CountRecipientsAsync(Actors.Stranger, _kit.EventId, BulkAudience.Confirmed, Ct)).ShouldBe(0);
        (await _reminders.SaveOffsetsAsync(Actors.Stranger, _kit.EventId, "2 days", Ct)).IsNotFound.ShouldBeTrue();
        (await _reminders.OffsetsAsync(Actors.Stranger, _kit.EventId, Ct)).ShouldBeEmpty();
        (await _lists.PreviewAnnouncementAsync(Actors.Stranger, _kit.EventId, Ct)).ShouldBeNull();
        (await _lists.AnnounceAsync(Actors.Stranger, _kit.EventId, givePriority: false, Ct)).IsNotFound.ShouldBeTrue();
        (await _retention.GetForEventAsync(Actors.Stranger, _kit.EventId, Ct)).IsNotFound.ShouldBeTrue();
        (await _retention.SaveForEventAsync(Actors.Stranger, _kit.EventId, new RetentionInput { PersonalDataMonths = 1 }, Ct)).IsNotFound.ShouldBeTrue();
        (await _retention.SaveForSeriesAsync(Actors.Stranger, _seriesId, new RetentionInput { PersonalDataMonths = 1 }, Ct)).IsNotFound.ShouldBeTrue();
        (await _copier.CopyAsync(Actors.Stranger, _kit.EventId, new DateOnly(2027, 3, 4), Ct)).IsNotFound.ShouldBeTrue();

        await using var db = _kit.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync(m => m.Template != BookingTemplates.BookingConfirmed, Ct)).ShouldBe(0);
        (await db.Set<RetentionSetting>().CountAsync(Ct)).ShouldBe(0);
        (await db.Events.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task A_viewer_is_told_their_role_does_not_allow_sending_or_changing_anything()
    {
        var send = await _bulk.SendAsync(Actors.Viewer, _kit.EventId, Message, null, Ct);
        send.IsForbidden.ShouldBeTrue();
        send.Message.ShouldBe(EventErrors.RoleDoesNotAllow.Message);
        (await _reminders.SaveOffsetsAsync(Actors.Viewer, _kit.EventId, "2 days", Ct)).IsForbidden.ShouldBeTrue();
        (await _lists.AnnounceAsync(Actors.Viewer, _kit.EventId, givePriority: false, Ct)).IsForbidden.ShouldBeTrue();
        (await _retention.SaveForEventAsync(Actors.Viewer, _kit.EventId, new RetentionInput { PersonalDataMonths = 1 }, Ct)).IsForbidden.ShouldBeTrue();
        (await _copier.CopyAsync(Actors.Viewer, _kit.EventId, new DateOnly(2027, 3, 4), Ct)).IsForbidden.ShouldBeTrue();
        (await _bulk.SentAsync(Actors.Viewer, _kit.EventId, Ct)).ShouldBeEmpty();

        (await _retention.GetForEventAsync(Actors.Viewer, _kit.EventId, Ct)).Succeeded.ShouldBeTrue();
        (await _reminders.OffsetsAsync(Actors.Viewer, _kit.EventId, Ct)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_editor_sends_sets_reminders_and_retention_and_owns_the_edition_they_copy()
    {
        (await _bulk.SendAsync(Actors.Editor, _kit.EventId, Message, null, Ct)).Succeeded.ShouldBeTrue();
        (await _bulk.SentAsync(Actors.Editor, _kit.EventId, Ct)).ShouldHaveSingleItem().Subject.ShouldBe("Parking");
        (await _reminders.SaveOffsetsAsync(Actors.Editor, _kit.EventId, "2 days", Ct)).Succeeded.ShouldBeTrue();
        (await _retention.SaveForEventAsync(Actors.Editor, _kit.EventId, new RetentionInput { PersonalDataMonths = 6 }, Ct)).Succeeded.ShouldBeTrue();

        var copy = await _copier.CopyAsync(Actors.Editor, _kit.EventId, new DateOnly(2027, 3, 4), Ct);

        copy.Succeeded.ShouldBeTrue(copy.Message);
        (await new EventAccess(_kit.Database).ForEventAsync(Actors.Editor, copy.Value!.Copy.Id, Ct)).Has(Permission.ManageTeam).ShouldBeTrue();
    }

    [Fact]
    public async Task A_series_default_is_set_only_by_the_series_team()
    {
        var input = new RetentionInput { PersonalDataMonths = 24 };

        (await _retention.SaveForSeriesAsync(Actors.Editor, _seriesId, input, Ct)).IsNotFound.ShouldBeTrue("an event's team is not the series' team");
        await Teams.JoinSeriesAsync(_kit.Database, Actors.Viewer, _seriesId, TeamRole.Viewer);
        (await _retention.SaveForSeriesAsync(Actors.Viewer, _seriesId, input, Ct)).IsForbidden.ShouldBeTrue();
        await Teams.JoinSeriesAsync(_kit.Database, Actors.Editor, _seriesId, TeamRole.Editor);
        (await _retention.SaveForSeriesAsync(Actors.Editor, _seriesId, input, Ct)).Succeeded.ShouldBeTrue();
    }
}
