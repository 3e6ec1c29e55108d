using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using System.Data.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Tests.Privacy;

/// <summary>Retention periods per event and per series, on a real SQLite file with the real migrations.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    private CoreServices _services = default!;
    private RetentionService _retention = default!;
    private int _seriesId;
    private int _eventId;
    private int _otherEventId;

    public async ValueTask InitializeAsync()
    {
        _services = await CoreServices.CreateAsync(configure: s => s.AddPrivacy());
        _retention = _services.Get<RetentionService>();
        await using var db = _services.Database.CreateDbContext();
        var now = _services.Clock.GetUtcNow().UtcDateTime;
        var series = new EventSeries { Name = "Digital Forum", Slug = "digital-forum", CreatedUtc = now };
        db.Add(series);
        await db.SaveChangesAsync();
        _seriesId = series.Id;
        Event Edition(string slug) => new()
        {
            Title = slug, Slug = slug, SeriesId = series.Id, Status = EventStatus.Published, Capacity = 10,
            StartUtc = new DateTime(2026, 10, 20, 9, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 10, 20, 16, 0, 0, DateTimeKind.Utc),
            CreatedUtc = now, UpdatedUtc = now,
        };
        var ev = Edition("autumn");
        var other = Edition("winter");
        db.AddRange(ev, other);
        await db.SaveChangesAsync();
        (_eventId, _otherEventId) = (ev.Id, other.Id);
        await Teams.JoinSeriesAsync(_services.Database, Actors.Organiser, series.Id, EventHub.Core.Events.Access.TeamRole.Owner);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task An_event_with_nothing_set_keeps_data_for_the_site_defaults_dated_in_its_zone()
    {
        var view = (await _retention.GetForEventAsync(Actors.Organiser, _eventId, TestContext.Current.CancellationToken)).Value!;

        view.PersonalDataWords.ShouldBe("for 12 months after the event (the site default)");
        view.NeedsWords.ShouldBe("for 7 days after the event (the site default)");
        view.PersonalDataDueUtc.ShouldBe(new DateTime(2027, 10, 20, 16, 0, 0, DateTimeKind.Utc));
        view.NeedsDueUtc.ShouldBe(new DateTime(2026, 10, 27, 17, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_series_period_reaches_every_edition_until_an_edition_sets_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _retention.SaveForSeriesAsync(Actors.Organiser, _seriesId, new RetentionInput { PersonalDataMonths = 24, NeedsDays = 2 }, ct)).Succeeded.ShouldBeTrue();
        var saved = await _retention.SaveForEventAsync(Actors.Organiser, _eventId, new RetentionInput { PersonalDataMonths = 6 }, ct);

        saved.Value!.PersonalDataWords.ShouldBe("for 6 months after the event (set for this event)");
        saved.Value.NeedsWords.ShouldBe("for 2 days after the event (set for this series)");
        saved.Value.Inherited.PersonalDataMonths.ShouldBe(24);
        var other = (await _retention.GetForEventAsync(Actors.Organiser, _otherEventId, ct)).Value!;
        other.PersonalDataWords.ShouldBe("for 24 months after the event (set for this series)");

        // Clearing the edition's own period puts it back on the series.
        await _retention.SaveForEventAsync(Actors.Organiser, _eventId, new RetentionInput(), ct);
        (await _retention.GetForEventAsync(Actors.Organiser, _eventId, ct)).Value!.Effective.PersonalDataMonths.ShouldBe(24);
        await using var db = _services.Database.CreateDbContext();
        (await db.Set<RetentionSetting>().CountAsync(r => r.EventId != null, ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Saving_an_event_period_is_audited_in_words()
    {
        var ct = TestContext.Current.CancellationToken;
        await _retention.SaveForEventAsync(Actors.Organiser, _eventId, new RetentionInput { NeedsDays = 0 }, ct);

        await using var db = _services.Database.CreateDbContext();
        var entry = await db.Set<BookingAuditEntry>().SingleAsync(a => a.EventId == _eventId && a.Action == "retention", ct);
        entry.ActorName.ShouldBe("Olive Organiser");
        entry.Detail.ShouldContain("access and dietary needs kept until the event ends (set for this event)");
    }

    [Fact]
    public async Task A_period_out_of_range_is_refused_for_its_field_and_nothing_is_saved()
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await _retention.SaveForEventAsync(Actors.Organiser, _eventId, new RetentionInput { PersonalDataMonths = 0, NeedsDays = 400 }, ct);

        outcome.Status.ShouldBe(OutcomeStatus.Invalid);
        outcome.Errors.Select(e => e.Field).ShouldBe(["PersonalDataMonths", "NeedsDays"]);
        await using var db = _services.Database.CreateDbContext();
        (await db.Set<RetentionSetting>().AnyAsync(ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Only_organisers_read_or_set_periods_and_a_missing_event_is_not_found()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _retention.GetForEventAsync(Actor.Anonymous, _eventId, ct)).IsForbidden.ShouldBeTrue();
        (await _retention.SaveForEventAsync(Actor.Anonymous, _eventId, new RetentionInput { PersonalDataMonths = 1 }, ct)).IsForbidden.ShouldBeTrue();
        (await _retention.SaveForSeriesAsync(Actor.Anonymous, _seriesId, new RetentionInput { PersonalDataMonths = 1 }, ct)).IsForbidden.ShouldBeTrue();
        (await _retention.SaveForEventAsync(Actors.Organiser, 9999, new RetentionInput { PersonalDataMonths = 1 }, ct)).IsNotFound.ShouldBeTrue();
        (await _retention.SaveForSeriesAsync(Actors.Organiser, 9999, new RetentionInput(), ct)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Site_defaults_set_by_an_administrator_reach_every_event_and_series_without_their_own()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = await _retention.SaveSiteDefaultsAsync(Actors.Admin, new RetentionInput { PersonalDataMonths = 3, NeedsDays = 1 }, ct);

        saved.Value.ShouldBe(new RetentionPolicy(3, RetentionSource.Site, 1, RetentionSource.Site));
        (await _retention.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(3);
        (await _retention.SitePolicyAsync(ct)).NeedsDays.ShouldBe(1);
        var series = (await _retention.GetForSeriesAsync(Actors.Organiser, _seriesId, ct)).Value!;
        series.Own.PersonalDataMonths.ShouldBeNull();
        series.Inherited.ShouldBe(new RetentionPolicy(3, RetentionSource.Site, 1, RetentionSource.Site));
        var site = (await _retention.GetSiteDefaultsAsync(Actors.Admin, ct)).Value!;
        (site.Own.PersonalDataMonths, site.Own.NeedsDays).ShouldBe((3, 1));
        site.Inherited.PersonalDataMonths.ShouldBe(RetentionRules.DefaultPersonalDataMonths, "what the configuration gives");

        // Saving again changes the one row.
        await _retention.SaveSiteDefaultsAsync(Actors.Admin, new RetentionInput { PersonalDataMonths = 5, NeedsDays = 0 }, ct);
        (await _retention.PolicyForEventAsync(_eventId, ct))!.ShouldBe(new RetentionPolicy(5, RetentionSource.Site, 0, RetentionSource.Site));
        await using var db = _services.Database.CreateDbContext();
        (await db.Set<SiteRetention>().CountAsync(ct)).ShouldBe(1);
    }

    [Theory]
    [InlineData(null, 7, "PersonalDataMonths")]
    [InlineData(0, 7, "PersonalDataMonths")]
    [InlineData(121, 7, "PersonalDataMonths")]
    [InlineData(12, null, "NeedsDays")]
    [InlineData(12, 366, "NeedsDays")]
    public async Task Site_defaults_out_of_range_or_blank_are_refused_not_clamped(int? months, int? days, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await _retention.SaveSiteDefaultsAsync(Actors.Admin, new RetentionInput { PersonalDataMonths = months, NeedsDays = days }, ct);

        outcome.Status.ShouldBe(OutcomeStatus.Invalid);
        outcome.Errors.Single().Field.ShouldBe(field);
        await using var db = _services.Database.CreateDbContext();
        (await db.Set<SiteRetention>().AnyAsync(ct)).ShouldBeFalse();
        (await _retention.SitePolicyAsync(ct)).PersonalDataMonths.ShouldBe(RetentionRules.DefaultPersonalDataMonths);
    }

    [Fact]
    public async Task Only_administrators_read_or_set_the_site_defaults()
    {
        var ct = TestContext.Current.CancellationToken;
        var input = new RetentionInput { PersonalDataMonths = 3, NeedsDays = 1 };

        (await _retention.SaveSiteDefaultsAsync(Actors.Organiser, input, ct)).IsForbidden.ShouldBeTrue();
        (await _retention.GetSiteDefaultsAsync(Actors.Organiser, ct)).IsForbidden.ShouldBeTrue();
        (await _retention.SaveSiteDefaultsAsync(Actor.Anonymous, input, ct)).IsForbidden.ShouldBeTrue();
        (await _retention.GetForSeriesAsync(Actor.Anonymous, _seriesId, ct)).IsForbidden.ShouldBeTrue();
        (await _retention.GetForSeriesAsync(Actors.Organiser, 9999, ct)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task Saving_a_series_period_answers_what_its_editions_now_keep()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = await _retention.SaveForSeriesAsync(Actors.Organiser, _seriesId, new RetentionInput { NeedsDays = 2 }, ct);

        saved.Value.ShouldBe(new RetentionPolicy(12, RetentionSource.Site, 2, RetentionSource.Series));
        (await _retention.GetForSeriesAsync(Actors.Organiser, _seriesId, ct)).Value!.Own.NeedsDays.ShouldBe(2);
    }

    [Fact]
    public async Task The_booking_forms_policy_is_read_on_one_connection()
    {
        var ct = TestContext.Current.CancellationToken;
        await _retention.SaveForSeriesAsync(Actors.Organiser, _seriesId, new RetentionInput { PersonalDataMonths = 6 }, ct);
        var opened = new OpenedConnections();
        var retention = new RetentionService(new CountingFactory(_services.Database, opened), _services.Clock, Options.Create(new PrivacyOptions()));

        (await retention.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(6);

        opened.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_booking_forms_policy_is_read_once_per_event_and_every_edit_shows_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var opened = new OpenedConnections();
        // The booking form's service on a counted connection, sharing this node's cache with the services that edit.
        var form = new RetentionService(new CountingFactory(_services.Database, opened), _services.Clock, Options.Create(new PrivacyOptions()),
            _services.Get<RetentionPolicyCache>());

        (await form.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(12);
        (await form.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(12);
        opened.Count.ShouldBe(1, "the second request is answered from the cache");

        await _retention.SaveForEventAsync(Actors.Organiser, _eventId, new RetentionInput { PersonalDataMonths = 6 }, ct);
        (await form.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(6);
        (await form.PolicyForEventAsync(_otherEventId, ct))!.PersonalDataMonths.ShouldBe(12);

        await _retention.SaveForSeriesAsync(Actors.Organiser, _seriesId, new RetentionInput { PersonalDataMonths = 24 }, ct);
        (await form.PolicyForEventAsync(_otherEventId, ct))!.ShouldBe(new RetentionPolicy(24, RetentionSource.Series, 7, RetentionSource.Site));

        await _retention.SaveSiteDefaultsAsync(Actors.Admin, new RetentionInput { PersonalDataMonths = 3, NeedsDays = 1 }, ct);
        (await form.PolicyForEventAsync(_otherEventId, ct))!.NeedsDays.ShouldBe(1);

        // Taking the event out of its series is a save of the event, announced on the live signal after it commits:
        // the series' period no longer applies to it.
        await using (var db = await _services.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(ct))
        {
            var ev = await db.Events.SingleAsync(e => e.Id == _otherEventId, ct);
            ev.SeriesId = null;
            await db.SaveChangesAsync(ct);
        }

        var months = 24;
        for (var tries = 0; tries < 200 && months == 24; tries++)
        {
            // The signal's listeners run on the thread pool: wait for this one, not for a set time.
            await Task.Delay(10, ct);
            months = (await form.PolicyForEventAsync(_otherEventId, ct))!.PersonalDataMonths;
        }

        months.ShouldBe(3);
    }

    [Fact]
    public async Task A_kept_policy_is_read_again_after_five_minutes_even_if_the_change_was_never_announced()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = new RetentionPolicyCache(signal: null, _services.Clock);
        var form = new RetentionService(_services.Database, _services.Clock, Options.Create(new PrivacyOptions()), cache);
        (await form.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(12);
        // A change this node never heard of: another node's save whose message was lost.
        await using (var db = await _services.Get<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(ct))
        {
            db.Add(new RetentionSetting { EventId = _eventId, PersonalDataMonths = 6 });
            await db.SaveChangesAsync(ct);
        }

        _services.Clock.Advance(RetentionPolicyCache.MaxAge - TimeSpan.FromSeconds(1));
        (await form.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(12, "kept until it is five minutes old");
        _services.Clock.Advance(TimeSpan.FromSeconds(2));
        (await form.PolicyForEventAsync(_eventId, ct))!.PersonalDataMonths.ShouldBe(6);
    }

    private sealed class OpenedConnections : DbConnectionInterceptor
    {
        private int _count;

        public int Count => _count;

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _count);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingFactory(TestDatabase database, OpenedConnections opened) : IDbContextFactory<EventHubDbContext>
    {
        public EventHubDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<EventHubDbContext>();
            database.Dialect.Configure(options, database.ConnectionString);
            options.AddInterceptors(opened);
            return new EventHubDbContext(options.Options);
        }
    }
}
