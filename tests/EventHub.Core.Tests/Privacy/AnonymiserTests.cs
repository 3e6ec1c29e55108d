using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Email;
using EventHub.Core.Privacy;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Privacy;

/// <summary>The retention sweep on a real database and data folder: what it removes, down to the bytes on disk, and what it keeps.</summary>
public sealed class AnonymiserTests : IAsyncLifetime
{
    private const string Email = "zq-anon-7f3@devon.gov.uk";
    private const string Name = "Quentin Zephyrine";
    private PrivacyKit _kit = default!;

    public async ValueTask InitializeAsync() => _kit = await PrivacyKit.CreateAsync();

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    [Fact]
    public async Task After_the_retention_period_the_person_is_found_nowhere_on_disk_and_the_figures_still_add_up()
    {
        var question = (await _kit.Get<QuestionAdminService>().SaveAsync(Actors.Organiser, _kit.EventId, null, "Which team?", "", QuestionKind.ShortText, false, "")).Value!;
        var form = new BookingForm
        {
            Name = Name, Email = Email, Organisation = "Zephyrine Analytics Ltd", JobTitle = "Chief Quokka Wrangler",
            DietaryNeeds = "Zq-no-anchovies", AccessNeeds = "Zq-step-free", PrivacyConsent = true,
            Answers = { [question.Id] = "Zq-team-answer" },
        };
        var quentin = (await _kit.Get<AttendeeService>().AddByHandAsync(Actors.Organiser, _kit.EventId, form)).Value!;
        var added = await _kit.Get<AttendeeService>().AddByHandAsync(Actors.Organiser, _kit.EventId, new BookingForm
        {
            Name = "Olga Otherperson", Email = "olga@somerset.gov.uk", Organisation = "Somerset Council",
        });
        added.Succeeded.ShouldBeTrue(string.Join("; ", added.Errors.Select(e => e.Message)));
        var other = added.Value!;
        (await _kit.Get<CheckInService>().CheckInBookingAsync(quentin.BookingId, Door.ForOrganiser(Actors.Organiser), _kit.EventId)).BookingId.ShouldBe(quentin.BookingId);
        (await _kit.Get<WriteUpService>().SubmitWriteUpAsync(_kit.EventSlug, _kit.SessionId, new WriteUpInput(Name, "Notes on the open data session, kept in the proceedings", null))).Succeeded.ShouldBeTrue();
        await _kit.DeliverMailAsync();
        (await _kit.FilesHoldingAsync(Email, Name)).ShouldContain(hit => hit.StartsWith("mail-pickup", StringComparison.Ordinal), "the scan must see the person before the sweep");

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 366));
        var result = await _kit.Get<Anonymiser>().SweepAsync();

        result.ShouldBe(new RetentionSweepResult(1, 0));
        // Whole values, not a short prefix: random tokens that stay in the file (check-in codes) may hold any three characters.
        (await _kit.FilesHoldingAsync(Email, Name, "Zephyrine", "Zq-no-anchovies", "Zq-step-free", "Zq-team-answer")).ShouldBeEmpty();
        var kept = await _kit.BookingAsync(quentin.BookingId);
        kept.EmailDomain.ShouldBe("devon.gov.uk");
        kept.Status.ShouldBe(BookingStatus.Confirmed);
        (await _kit.BookingAsync(other.BookingId)).EmailDomain.ShouldBe("somerset.gov.uk");
        var counts = await _kit.Get<AttendeeService>().CountsAsync(Actors.Organiser, _kit.EventId);
        counts.Confirmed.ShouldBe(2);
        var attendance = (await _kit.Get<AttendanceService>().ReportAsync(Actors.Organiser, _kit.EventId)).Value!;
        (attendance.Total.Confirmed, attendance.Total.Attended, attendance.Total.NoShows).ShouldBe((2, 1, 1));
        (await _kit.Get<BookingService>().GetByTokenAsync(quentin.ManageToken)).ShouldBeNull("the old manage link leads nowhere");
        await using var db = _kit.Database.CreateDbContext();
        (await db.Set<EventPrivacyState>().SingleAsync(s => s.EventId == _kit.EventId)).AnonymisedUtc.ShouldBe(_kit.Services.Clock.GetUtcNow().UtcDateTime);
        (await db.Set<OutboxMessage>().CountAsync(m => m.EventId == _kit.EventId)).ShouldBe(0);
    }

    [Fact]
    public async Task A_second_sweep_finds_nothing_left_to_do()
    {
        await BookWithNeedsAsync();
        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 366));
        (await _kit.Get<Anonymiser>().SweepAsync()).ShouldBe(new RetentionSweepResult(1, 0));

        (await _kit.Get<Anonymiser>().SweepAsync()).ShouldBe(new RetentionSweepResult(0, 0));
    }

    [Fact]
    public async Task After_the_needs_period_only_access_and_dietary_needs_are_cleared()
    {
        var id = await BookWithNeedsAsync();
        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 6));
        (await _kit.Get<Anonymiser>().SweepAsync()).ShouldBe(new RetentionSweepResult(0, 0), "needs are kept for 7 days after the event");

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2));
        var result = await _kit.Get<Anonymiser>().SweepAsync();

        result.ShouldBe(new RetentionSweepResult(0, 1));
        var booking = await _kit.BookingAsync(id);
        (booking.DietaryNeeds, booking.AccessNeeds).ShouldBe(("", ""));
        (booking.Name, booking.Email, booking.Organisation).ShouldBe((Name, Email, "Devon County Council"));
        (await _kit.FilesHoldingAsync("Zq-no-anchovies", "Zq-step-free")).ShouldBeEmpty();
        (await _kit.Get<Anonymiser>().SweepAsync()).ShouldBe(new RetentionSweepResult(0, 0));
    }

    private async Task<int> BookWithNeedsAsync()
    {
        var outcome = await _kit.Get<BookingService>().BookAsync(new BookingRequest(_kit.EventId, new BookingForm
        {
            Name = Name, Email = Email, Organisation = "Devon County Council", DietaryNeeds = "Zq-no-anchovies", AccessNeeds = "Zq-step-free", PrivacyConsent = true,
        }));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!.BookingId;
    }

    [Fact]
    public async Task The_sweep_the_notice_and_the_booking_sentence_keep_to_the_same_site_defaults()
    {
        var ct = TestContext.Current.CancellationToken;
        (await _kit.Get<RetentionService>().SaveSiteDefaultsAsync(Actors.Admin, new RetentionInput { PersonalDataMonths = 2, NeedsDays = 1 }, ct)).Succeeded.ShouldBeTrue();
        var added = await _kit.Get<AttendeeService>().AddByHandAsync(Actors.Organiser, _kit.EventId, new BookingForm { Name = Name, Email = Email, Organisation = "Devon County Council" }, ct);
        added.Succeeded.ShouldBeTrue(added.Message);
        var notices = _kit.Get<PrivacyNotices>();

        var notice = (await notices.ForEventAsync(_kit.EventSlug, ct))!;
        notice.Html.ShouldContain("answers: 2 months after the event");
        notice.Html.ShouldContain("needs: 1 day after the event");
        (await notices.KeptSentenceAsync(_kit.EventId, ct))!.ShouldContain("for 2 months after the event, and any dietary or access needs for 1 day after it");
        (await notices.SiteHtmlAsync(ct)).ShouldContain("answers: 2 months after the event");

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 62));
        (await _kit.Get<Anonymiser>().SweepAsync(ct)).ShouldBe(new RetentionSweepResult(1, 0), "two months after the event, not the configured twelve");
        (await _kit.FilesHoldingAsync(Email, Name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task On_postgresql_a_sweep_that_changed_rows_vacuums_the_tables_at_once()
    {
        Assert.SkipWhen(TestDatabase.Provider != EventHub.Core.Data.DatabaseProvider.PostgreSql, "Runs in the PostgreSQL pass (EVENTHUB_TEST_PROVIDER=PostgreSql).");
        var ct = TestContext.Current.CancellationToken;
        var added = await _kit.Get<AttendeeService>().AddByHandAsync(Actors.Organiser, _kit.EventId, new BookingForm { Name = Name, Email = Email, Organisation = "Devon County Council" }, ct);
        added.Succeeded.ShouldBeTrue(added.Message);
        (await LastVacuumOfBookingsAsync(ct)).ShouldBeNull("nothing has vacuumed the new table yet");

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 366));
        (await _kit.Get<Anonymiser>().SweepAsync(ct)).Anonymised.ShouldBe(1);

        (await LastVacuumOfBookingsAsync(ct)).ShouldNotBeNull();
    }

    private async Task<DateTime?> LastVacuumOfBookingsAsync(CancellationToken ct)
    {
        await using var db = _kit.Database.CreateDbContext();
        DateTime? last = null;
        // The statistics are shared between sessions with a short delay: ask again for up to five seconds.
        for (var i = 0; i < 25 && last is null; i++)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_stat_clear_snapshot()", ct);
            last = await db.Database.SqlQueryRaw<DateTime?>("SELECT last_vacuum AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'Bookings'").SingleAsync(ct);
            if (last is null)
            {
                await Task.Delay(200, ct);
            }
        }

        return last;
    }
}
