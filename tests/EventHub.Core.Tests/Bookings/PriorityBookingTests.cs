using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.MailingLists;
using EventHub.Core.Events;
using EventHub.Core.Polls;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static EventHub.Core.Polls.PollAnswer;

namespace EventHub.Core.Tests.Bookings;

/// <summary>
/// BookingService with both priority sources wired as the app wires them (poll voters and mailing-list grants), on a
/// real SQLite file. The clock stands at Monday 2 November 2026, 9am GMT; booking opens to everyone a week later.
/// </summary>
public sealed class PriorityBookingTests : IAsyncLifetime
{
    private static readonly DateTime GeneralOpensUtc = new(2026, 11, 9, 9, 0, 0, DateTimeKind.Utc);
    private TestDatabase _database = default!;
    private Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = default!;
    private BookingWriteGate _gate = default!;
    private EventService _events = default!;
    private PollSetupService _pollSetup = default!;
    private PollVotingService _voting = default!;
    private PollFinalisingService _finalising = default!;
    private MailingListService _lists = default!;
    private BookingService _bookings = default!;
    private BookingSettingsService _settings = default!;
    private AttendeeService _attendees = default!;
    private PublicBooking _public = default!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _clock = Support.Clock.At();
        _gate = new BookingWriteGate();
        _events = new EventService(_database, _clock);
        _pollSetup = new PollSetupService(_database, _clock);
        _voting = new PollVotingService(_database, _clock);
        _finalising = new PollFinalisingService(_database, _clock, _events);
        _lists = new MailingListService(_database, _clock);
        var priority = new PriorityAccess([new PollPriority(_database, _clock), new ListPriority(_database, _clock)]);
        _bookings = new BookingService(_database, _clock, _gate, priority);
        _settings = new BookingSettingsService(_database, _clock, _gate);
        _attendees = new AttendeeService(_database, _clock, _gate, _bookings);
        _public = new PublicBooking(_database, _clock, priority);

        // A stored organiser, so the events it creates (by finalising a poll) are recorded as its own.
        await Teams.StoreAsync(_database, Actors.Organiser);
    }

    public async ValueTask DisposeAsync()
    {
        _gate.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_poll_voter_who_said_yes_or_if_need_be_books_early_with_their_link_and_others_are_told_when_booking_opens()
    {
        var (eventId, tokens) = await PollEventAsync();
        var other = await AddEventAsync("other-forum", GeneralOpensUtc);

        (await BookAsync(eventId, "Ann", tokens["Ann"])).Value!.Status.ShouldBe(BookingStatus.Confirmed);
        (await BookAsync(eventId, "Bob", tokens["Bob"])).Value!.Status.ShouldBe(BookingStatus.Confirmed);

        var withoutLink = await BookAsync(eventId, "Cat", token: null);
        withoutLink.ErrorCode.ShouldBe(BookingErrors.NotOpenYet.Code);
        withoutLink.Errors.Single().Message.ShouldBe("Booking opens Monday 9 November 2026, 9am GMT.");
        (await BookAsync(eventId, "Cat", EventHub.Core.Common.SecureTokens.New())).ErrorCode.ShouldBe(BookingErrors.PriorityLinkNotValid.Code);
        (await BookAsync(other, "Ann", tokens["Ann"])).ErrorCode.ShouldBe(BookingErrors.PriorityLinkNotValid.Code, "a token belongs to its own event");
        (await BookingsAsync(eventId)).ShouldBe(["Ann", "Bob"]);
    }

    [Fact]
    public async Task A_priority_link_books_only_with_the_address_it_was_sent_to()
    {
        var (eventId, tokens) = await PollEventAsync();

        var stranger = await BookAsync(eventId, "Cat", tokens["Ann"]);

        stranger.ErrorFor(nameof(BookingForm.Email)).ShouldBe(BookingErrors.PriorityLinkOtherEmail.Message);
        (await BookingsAsync(eventId)).ShouldBeEmpty();
        var ann = Form("Ann");
        ann.Email = "  ANN@devon.gov.uk ";
        ann.PriorityToken = tokens["Ann"];
        (await _bookings.BookAsync(new BookingRequest(eventId, ann), Ct)).Value!.Status.ShouldBe(BookingStatus.Confirmed, "the same address, however typed");
    }

    [Fact]
    public async Task A_priority_link_books_once_even_after_that_booking_is_cancelled()
    {
        var (eventId, tokens) = await PollEventAsync();
        var first = (await BookAsync(eventId, "Ann", tokens["Ann"])).Value!;
        (await _bookings.CancelAsync(first.ManageToken, Ct)).Succeeded.ShouldBeTrue();

        var again = await BookAsync(eventId, "Ann", tokens["Ann"]);

        again.ErrorCode.ShouldBe(BookingErrors.PriorityLinkUsed.Code);
        (await BookingsAsync(eventId)).ShouldBe(["Ann"]);
    }

    [Fact]
    public async Task The_same_priority_link_used_many_times_at_once_books_once()
    {
        var (eventId, tokens) = await PollEventAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => BookAsync(eventId, "Ann", tokens["Ann"]))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Where(r => !r.Succeeded).ShouldAllBe(r => r.ErrorCode == BookingErrors.AlreadyBooked.Code || r.ErrorCode == BookingErrors.PriorityLinkUsed.Code);
        await using var db = _database.CreateDbContext();
        (await db.Set<EventHub.Core.Bookings.Booking>().CountAsync(b => b.EventId == eventId, Ct)).ShouldBe(1);
        (await db.Set<EventHub.Core.Bookings.Booking>().SingleAsync(b => b.EventId == eventId, Ct)).PriorityTokenHash.ShouldBe(EventHub.Core.Common.SecureTokens.Hash(tokens["Ann"]));
    }

    [Fact]
    public async Task A_poll_link_stops_working_when_the_event_is_cancelled()
    {
        var (eventId, tokens) = await PollEventAsync();

        (await _events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Cancelled)).Succeeded.ShouldBeTrue();

        (await new PollPriority(_database, _clock).HolderAsync(eventId, tokens["Ann"], Ct)).ShouldBeNull();
        (await BookAsync(eventId, "Ann", tokens["Ann"])).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task The_book_page_model_opens_early_only_for_a_valid_link()
    {
        var (eventId, tokens) = await PollEventAsync();
        var slug = (await EventAsync(eventId)).Slug;

        var early = (await _public.GetFormAsync(slug, null, tokens["Ann"], Ct))!;
        early.Window.ShouldBe(BookingWindow.Open);
        early.BookingEarly.ShouldBeTrue();
        early.WindowMessage.ShouldBe("You are booking early with your priority link. Booking opens to everyone Monday 9 November 2026, 9am GMT.");

        var visitor = (await _public.GetFormAsync(slug, null, null, Ct))!;
        visitor.Window.ShouldBe(BookingWindow.NotOpenYet);
        visitor.WindowMessage.ShouldBe("Booking opens Monday 9 November 2026, 9am GMT.");
        (await _public.GetFormAsync(slug, null, "not-a-token", Ct))!.WindowMessage.ShouldStartWith("Your priority booking link is not valid for this event");
    }

    [Fact]
    public async Task Before_the_priority_opening_time_a_valid_link_is_told_when_to_come_back_and_after_it_books()
    {
        var (eventId, tokens) = await PollEventAsync();
        var settings = (await _settings.GetAsync(Actors.Organiser, eventId, Ct))!;
        settings.PriorityOpensLocal = new DateTime(2026, 11, 4, 9, 0, 0);
        (await _settings.SaveAsync(Actors.Organiser, settings, Ct)).Succeeded.ShouldBeTrue();

        var tooEarly = await BookAsync(eventId, "Ann", tokens["Ann"]);
        tooEarly.ErrorCode.ShouldBe(BookingErrors.PriorityNotOpenYet.Code);
        tooEarly.Errors.Single().Message.ShouldStartWith("Priority booking opens Wednesday 4 November 2026, 9am GMT.");

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 4, 9, 0, 0, TimeSpan.Zero));
        (await BookAsync(eventId, "Ann", tokens["Ann"])).Succeeded.ShouldBeTrue();
        (await BookAsync(eventId, "Cat", null)).ErrorCode.ShouldBe(BookingErrors.NotOpenYet.Code);

        _clock.SetUtcNow(new DateTimeOffset(GeneralOpensUtc));
        (await BookAsync(eventId, "Cat", null)).Succeeded.ShouldBeTrue("once booking opens to everyone no link is needed");
        (await BookAsync(eventId, "Dee", "a-stale-or-mistyped-link")).Succeeded.ShouldBeTrue("nor does a bad link get in the way");
    }

    [Fact]
    public async Task The_priority_opening_time_is_saved_in_utc_shown_in_the_events_zone_and_refused_after_general_opening()
    {
        var eventId = await AddEventAsync("forum", GeneralOpensUtc, "America/New_York");
        var settings = (await _settings.GetAsync(Actors.Organiser, eventId, Ct))!;

        settings.PriorityOpensLocal = new DateTime(2026, 11, 9, 4, 0, 0); // the same instant as general opening in New York
        var refused = await _settings.SaveAsync(Actors.Organiser, settings, Ct);
        refused.ErrorFor(nameof(BookingSettings.PriorityOpensLocal)).ShouldBe(
            "Priority booking must open before booking opens to everyone (Monday 9 November 2026, 4am UTC-05:00). Enter an earlier time");

        settings.PriorityOpensLocal = new DateTime(2026, 11, 5, 8, 30, 0);
        (await _settings.SaveAsync(Actors.Organiser, settings, Ct)).Succeeded.ShouldBeTrue();
        await using (var db = _database.CreateDbContext())
        {
            (await db.Set<BookingSettings>().SingleAsync(s => s.EventId == eventId, Ct)).PriorityOpensUtc
                .ShouldBe(new DateTime(2026, 11, 5, 13, 30, 0, DateTimeKind.Utc));
        }

        (await _settings.GetAsync(Actors.Organiser, eventId, Ct))!.PriorityOpensLocal.ShouldBe(new DateTime(2026, 11, 5, 8, 30, 0));
        (await _settings.SaveAsync(EventHub.Core.Common.Actor.Anonymous, settings, Ct)).ErrorCode.ShouldBe(EventHub.Core.Common.ErrorCodes.Forbidden);
    }

    [Fact]
    public async Task Organisers_adding_someone_by_hand_need_no_link_before_booking_opens()
    {
        var eventId = await AddEventAsync("forum", GeneralOpensUtc);

        (await _attendees.AddByHandAsync(Actors.Organiser, eventId, Form("Ann"), Ct)).Succeeded.ShouldBeTrue();
    }

    private async Task<Core.Common.Outcome<BookingResult>> BookAsync(int eventId, string name, string? token)
    {
        var form = Form(name);
        form.PriorityToken = token;
        return await _bookings.BookAsync(new BookingRequest(eventId, form), Ct);
    }

    private static BookingForm Form(string name) => new()
    {
        Name = name,
        Email = name.ToLowerInvariant() + "@devon.gov.uk",
        Organisation = "Devon County Council",
        PrivacyConsent = true,
    };

    /// <summary>A poll finalised into an event that opens to everyone next Monday, published: Ann (Yes) and Bob (If need be) hold tokens; Cat (No) does not.</summary>
    private async Task<(int EventId, Dictionary<string, string> Tokens)> PollEventAsync()
    {
        var poll = (await _pollSetup.CreateAsync(Actors.Organiser, Polls.PollTestKit.ThreeEvenings(), Ct)).Value!;
        var voters = new Dictionary<string, int>();
        foreach (var (name, answer) in new[] { ("Ann", Yes), ("Bob", IfNeedBe), ("Cat", No) })
        {
            var receipt = await _voting.VoteAsync(poll.PublicToken, Polls.PollTestKit.Ballot(poll, name, name.ToLowerInvariant() + "@devon.gov.uk", answer, No, No), Ct);
            receipt.Succeeded.ShouldBeTrue();
        }

        var eventId = (await _finalising.FinaliseAsync(Actors.Organiser, new FinaliseRequest(poll.Id, poll.Options.OrderBy(o => o.StartUtc).First().Id), Ct)).Value!.EventId;
        await using var db = _database.CreateDbContext();
        await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.BookingOpensUtc, GeneralOpensUtc), Ct);
        (await _events.SetStatusAsync(Actors.Organiser, eventId, EventStatus.Published, Ct)).Succeeded.ShouldBeTrue();
        await _finalising.OnEventPublishedAsync(eventId, Ct);
        // Only the tokens' hashes are stored: read each voter's token from the link mailed to them.
        var tokens = (await db.Set<OutboxMessage>().Where(m => m.Template == PollTemplates.EventPublished && m.EventId == eventId).ToListAsync(Ct))
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<PollEventPublishedPayload>(m.PayloadJson)!)
            .Where(p => p.PriorityBookingPath is not null)
            .ToDictionary(p => p.VoterName, p => p.PriorityBookingPath!.Split("?priority=")[1]);
        tokens.Keys.Order().ShouldBe(["Ann", "Bob"]);
        return (eventId, tokens);
    }

    private async Task<int> AddEventAsync(string slug, DateTime? opensUtc, string zone = "Europe/London")
    {
        await using var db = _database.CreateDbContext();
        var now = _clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Digital Forum " + slug,
            Slug = slug,
            Status = EventStatus.Published,
            Capacity = 50,
            TimeZoneId = zone,
            StartUtc = now.AddDays(30),
            EndUtc = now.AddDays(30).AddHours(7),
            BookingOpensUtc = opensUtc,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync(Ct);
        await Teams.JoinEventAsync(_database, Actors.Organiser, ev.Id, EventHub.Core.Events.Access.TeamRole.Owner);
        return ev.Id;
    }

    private async Task<Event> EventAsync(int id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Events.AsNoTracking().FirstAsync(e => e.Id == id, Ct);
    }

    private async Task<List<string>> BookingsAsync(int eventId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Set<EventHub.Core.Bookings.Booking>().Where(b => b.EventId == eventId).OrderBy(b => b.Id).Select(b => b.Name).ToListAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
