using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.MailingLists;
using EventHub.Core.OpenSpace;
using EventHub.Core.Organisers.Security;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Privacy;

/// <summary>Finding, exporting and erasing one person, on a real database and data folder.</summary>
public sealed class SubjectAccessServiceTests : IAsyncLifetime
{
    private const string Email = "zq-erase-9c1@devon.gov.uk";
    private const string Name = "Quentin Zephyrine";
    private PrivacyKit _kit = default!;

    public async ValueTask InitializeAsync() => _kit = await PrivacyKit.CreateAsync(capacity: 1);

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    private SubjectAccessService Service => _kit.Get<SubjectAccessService>();

    [Fact]
    public async Task An_administrator_finds_a_person_across_bookings_series_lists_and_Open_Space()
    {
        await BookQuentinAsync();
        await AddListAndInterestAsync();

        var found = await Service.FindAsync(Actors.Admin, " ZQ-Erase-9c1@devon.gov.uk ");

        found.Succeeded.ShouldBeTrue();
        found.Value!.Records.Select(r => r.Kind).ShouldBe(["Booking", "Mailing list", "Interest in a session", "Email sent"], ignoreOrder: true);
        found.Value.Records.First(r => r.Kind == "Booking").Details.ShouldContain(new KeyValuePair<string, string>("Which team?", "Zq-team-answer"));
        PersonDataExport.ToJson(found.Value).ShouldContain("Zq-team-answer");
        var html = PersonDataExport.ToHtml(found.Value);
        html.ShouldContain("<h1>What EventHub holds about zq-erase-9c1@devon.gov.uk</h1>");
        html.ShouldContain("Quentin Zephyrine");
    }

    [Fact]
    public async Task The_csv_summary_has_a_row_for_each_detail_held_with_where_and_when()
    {
        await BookQuentinAsync();
        await AddListAndInterestAsync();
        var found = (await Service.FindAsync(Actors.Admin, Email)).Value!;

        var rows = PersonDataExport.ToCsv(found).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        rows[0].ShouldBe("Email,What,Where,When,Detail,Value");
        rows.ShouldContain(r => r.StartsWith($"{Email},Booking,", StringComparison.Ordinal) && r.EndsWith(",Which team?,Zq-team-answer", StringComparison.Ordinal));
        rows.ShouldContain(r => r.StartsWith($"{Email},Mailing list,", StringComparison.Ordinal));
        rows.Length.ShouldBe(1 + found.Records.Sum(r => Math.Max(1, r.Details.Count)));
    }

    [Fact]
    public void A_csv_cell_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var data = new PersonData(Email, DateTime.UtcNow, [new HeldRecord("Booking", "Forum", null, null, [new("Organisation", "=1+2")])]);

        var csv = PersonDataExport.ToCsv(data);

        csv.ShouldContain(",'=1+2");
        csv.ShouldNotContain(",=1+2");
    }

    [Fact]
    public async Task Only_an_administrator_may_find_or_erase_a_person()
    {
        await BookQuentinAsync();

        (await Service.FindAsync(Actors.Organiser, Email)).IsForbidden.ShouldBeTrue();
        (await Service.EraseAsync(Actors.Organiser, Email, "Request of 30 November")).IsForbidden.ShouldBeTrue();
        (await _kit.BookingAsync(await QuentinIdAsync())).Name.ShouldBe(Name);
    }

    [Fact]
    public async Task Erasure_needs_a_reason()
    {
        var outcome = await Service.EraseAsync(Actors.Admin, Email, " ");

        outcome.ErrorFor("Reason").ShouldBe(PrivacyErrors.EnterReason.Message);
    }

    [Fact]
    public async Task A_reason_longer_than_the_audit_log_keeps_is_refused_saying_the_limit_and_nothing_is_erased()
    {
        var quentin = await BookQuentinAsync();

        var outcome = await Service.EraseAsync(Actors.Admin, Email, new string('r', PrivacyErrors.MaxReasonLength + 1));

        outcome.ErrorFor("Reason").ShouldBe($"The reason must be {PrivacyErrors.MaxReasonLength} characters or fewer (it has {PrivacyErrors.MaxReasonLength + 1})");
        (await _kit.BookingAsync(quentin)).Name.ShouldBe(Name);
    }

    [Fact]
    public async Task Erasure_hands_the_place_to_the_person_waiting_keeps_the_figures_and_leaves_nothing_on_disk()
    {
        var quentin = await BookQuentinAsync();
        var waiting = (await _kit.Get<AttendeeService>().AddByHandAsync(Actors.Organiser, _kit.EventId, new BookingForm
        {
            Name = "Wendy Waiting", Email = "wendy@somerset.gov.uk", Organisation = "Somerset Council",
        })).Value!;
        waiting.Status.ShouldBe(BookingStatus.Waiting);
        await AddListAndInterestAsync();
        await _kit.DeliverMailAsync();
        (await _kit.FilesHoldingAsync(Email, Name)).ShouldNotBeEmpty("the scan must see the person before the erasure");

        var outcome = await Service.EraseAsync(Actors.Admin, Email, "Request received 30 November by email");

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        (outcome.Value!.Bookings, outcome.Value.PlacesFreed).ShouldBe((1, 1));
        outcome.Value.OtherRecords.ShouldBeGreaterThanOrEqualTo(3, "the list subscription, the interest mark and their mail");
        (await _kit.BookingAsync(waiting.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        var erased = await _kit.BookingAsync(quentin);
        (erased.Status, erased.EmailDomain, erased.Name).ShouldBe((BookingStatus.Cancelled, "devon.gov.uk", "Anonymised"));
        // Whole values, not a short prefix: random tokens that stay in the file (check-in codes) may hold any three characters.
        (await _kit.FilesHoldingAsync(Email, Name, "Zephyrine", "Zq-no-anchovies", "Zq-step-free", "Zq-team-answer")).ShouldBeEmpty();
        (await Service.FindAsync(Actors.Admin, Email)).Value!.IsEmpty.ShouldBeTrue();
        var audit = await _kit.Get<BookingAuditLog>().ListAsync(Actors.Admin, _kit.EventId);
        audit.ShouldContain(a => a.Action == "erased" && a.Detail == "Erased a person's details on request: Request received 30 November by email");
        var logged = (await _kit.Get<SecurityLog>().ListAsync(Actors.Admin, SecurityAction.PersonErased, 0, 10)).Value!.Items.ShouldHaveSingleItem();
        logged.Summary.ShouldStartWith("Erased a person's data everywhere: 1 booking(s), 1 place(s) freed");
        logged.ActorName.ShouldBe("Ada Admin");
        (await Service.EraseAsync(Actors.Admin, Email, "Again")).IsNotFound.ShouldBeTrue("nothing is left to erase");
    }

    [Fact]
    public async Task Erasing_someone_who_only_signed_up_to_a_list_is_recorded_in_the_security_log_without_their_address()
    {
        await AddListAndInterestAsync();

        (await Service.EraseAsync(Actors.Admin, Email, "Asked by phone")).Succeeded.ShouldBeTrue();

        var logged = (await _kit.Get<SecurityLog>().ListAsync(Actors.Admin, SecurityAction.PersonErased, 0, 10)).Value!.Items.ShouldHaveSingleItem();
        logged.Summary.ShouldStartWith("Erased a person's data everywhere: 0 booking(s), 0 place(s) freed");
        logged.Summary.ShouldEndWith("Reason: Asked by phone");
        logged.Summary.ShouldNotContain("zq-erase", Case.Insensitive);
    }

    [Fact]
    public async Task A_person_deletes_their_own_booking_from_the_manage_link_and_the_place_goes_to_the_person_waiting()
    {
        var booked = await BookQuentinWithLinkAsync();
        var (quentin, token) = (booked.BookingId, booked.ManageToken);
        var waiting = (await _kit.Get<AttendeeService>().AddByHandAsync(Actors.Organiser, _kit.EventId, new BookingForm
        {
            Name = "Wendy Waiting", Email = "wendy@somerset.gov.uk", Organisation = "Somerset Council",
        })).Value!;
        await AddListAndInterestAsync();
        await _kit.DeliverMailAsync();
        (await Service.GetOwnBookingAsync(token))!.HoldsPlace.ShouldBeTrue();

        var outcome = await Service.EraseOwnBookingAsync(token);

        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        (outcome.Value!.Bookings, outcome.Value.PlacesFreed).ShouldBe((1, 1));
        (await _kit.BookingAsync(waiting.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await _kit.BookingAsync(quentin)).Name.ShouldBe("Anonymised");
        (await Service.GetOwnBookingAsync(token)).ShouldBeNull("the manage link stops working");
        (await _kit.FilesHoldingAsync(Email, "Zq-team-answer", "Zq-step-free", "Chief Quokka"))
            .ShouldBe(TestDatabase.Provider == DatabaseProvider.Sqlite ? ["eventhub.db: " + Email] : [],
                "only the series mailing list, which is not this event's, still holds the address (in the database file on SQLite; PostgreSQL keeps none in the data folder)");
        var audit = await _kit.Get<BookingAuditLog>().ListAsync(Actors.Admin, _kit.EventId);
        audit.ShouldContain(a => a.Action == "erased" && a.ActorName == "The attendee");
        (await Service.EraseOwnBookingAsync(token)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task A_made_up_manage_link_deletes_nothing()
    {
        await BookQuentinAsync();

        (await Service.EraseOwnBookingAsync("made-up-token-that-is-not-there")).IsNotFound.ShouldBeTrue();
        (await Service.GetOwnBookingAsync("made-up-token-that-is-not-there")).ShouldBeNull();
        (await _kit.BookingAsync(await QuentinIdAsync())).Name.ShouldBe(Name);
    }

    private async Task<int> BookQuentinAsync() => (await BookQuentinWithLinkAsync()).BookingId;

    private async Task<BookingResult> BookQuentinWithLinkAsync()
    {
        var question = (await _kit.Get<QuestionAdminService>().SaveAsync(Actors.Organiser, _kit.EventId, null, "Which team?", "", QuestionKind.ShortText, false, "")).Value!;
        var outcome = await _kit.Get<BookingService>().BookAsync(new BookingRequest(_kit.EventId, new BookingForm
        {
            Name = Name, Email = Email, Organisation = "Zephyrine Analytics Ltd", JobTitle = "Chief Quokka Wrangler",
            AccessNeeds = "Zq-step-free", PrivacyConsent = true, Answers = { [question.Id] = "Zq-team-answer" },
        }));
        outcome.Succeeded.ShouldBeTrue(outcome.Message);
        return outcome.Value!;
    }

    private async Task<int> QuentinIdAsync()
    {
        await using var db = _kit.Database.CreateDbContext();
        return await db.Set<Booking>().Where(b => b.NormalisedEmail == Email).Select(b => b.Id).SingleAsync();
    }

    private async Task AddListAndInterestAsync()
    {
        await using var db = _kit.Database.CreateDbContext();
        var now = _kit.Services.Clock.GetUtcNow().UtcDateTime;
        var series = new EventSeries { Name = "Retention Forum series", Slug = "retention-" + Guid.NewGuid().ToString("N")[..6], CreatedUtc = now };
        db.Add(series);
        await db.SaveChangesAsync();
        db.Add(new ListSubscription
        {
            SeriesId = series.Id, Email = Email, Name = Name, Status = SubscriptionStatus.Confirmed, ConsentUtc = now, CreatedUtc = now,
        });
        db.Add(new InterestMark { SessionId = _kit.SessionId, Name = Name, Email = Email, CreatedUtc = now });
        await db.SaveChangesAsync();
    }
}
