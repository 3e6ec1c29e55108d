using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Core.Tests.Bookings;

/// <summary>A real SQLite database with one published event open for booking, and the booking services over it.</summary>
public sealed class BookingKit : IAsyncDisposable
{
    private BookingKit(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Gate = new BookingWriteGate();
        // One node's cache, shared as the app shares it: every booking test also proves that a change is seen at once.
        Setup = new BookingSetupCache();
        Bookings = new BookingService(database, clock, Gate, setup: Setup);
        PublicForms = new PublicBooking(database, clock, setup: Setup);
        Attendees = new AttendeeService(database, clock, Gate, Bookings);
        TicketTypes = new TicketTypeAdminService(database, clock, Gate, Setup);
        Questions = new QuestionAdminService(database, clock, Gate, Setup);
        Settings = new BookingSettingsService(database, clock, Gate, Setup);
        Moves = new BookingMoveService(database, clock, Gate);
        AuditLog = new BookingAuditLog(database);
        Waitlist = new WaitlistService(database, clock, Gate);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public BookingWriteGate Gate { get; }

    public BookingSetupCache Setup { get; }

    public BookingService Bookings { get; }

    /// <summary>The public booking form's reads, on the same cache as <see cref="Bookings"/>.</summary>
    public PublicBooking PublicForms { get; }

    public AttendeeService Attendees { get; }

    public TicketTypeAdminService TicketTypes { get; }

    public QuestionAdminService Questions { get; }

    public BookingSettingsService Settings { get; }

    public BookingMoveService Moves { get; }

    public BookingAuditLog AuditLog { get; }

    public WaitlistService Waitlist { get; }

    public int EventId { get; private set; }

    public static async Task<BookingKit> CreateAsync(int capacity = 50)
    {
        var kit = new BookingKit(await TestDatabase.CreateAsync(), Support.Clock.At());
        kit.EventId = await kit.AddEventAsync(capacity);
        return kit;
    }

    public async Task<int> AddEventAsync(int capacity, string slug = "forum")
    {
        await using var db = Database.CreateDbContext();
        var now = Clock.GetUtcNow().UtcDateTime;
        var ev = new Event
        {
            Title = "Digital Forum " + slug,
            Slug = slug,
            Status = EventStatus.Published,
            Capacity = capacity,
            StartUtc = now.AddDays(30),
            EndUtc = now.AddDays(30).AddHours(7),
            BookingOpensUtc = now.AddDays(-1),
            BookingClosesUtc = now.AddDays(29),
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync();
        await Teams.JoinEventAsync(Database, Actors.Organiser, ev.Id, TeamRole.Owner, canSeeNeeds: true);
        return ev.Id;
    }

    public async Task<int> AddSessionAsync(int? capacity, string title = "Workshop")
    {
        await using var db = Database.CreateDbContext();
        var ev = await db.Events.FirstAsync(e => e.Id == EventId);
        var s = new Session { EventId = EventId, Title = title, Capacity = capacity, StartUtc = ev.StartUtc.AddHours(1), EndUtc = ev.StartUtc.AddHours(2) };
        db.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    }

    public static BookingForm Form(string name, string? email = null, int? ticket = null) => new()
    {
        Name = name,
        Email = email ?? name.Replace(' ', '.').ToLowerInvariant() + "@devon.gov.uk",
        Organisation = "Devon County Council",
        TicketTypeId = ticket,
        PrivacyConsent = true,
    };

    public async Task<BookingResult> BookAsync(string name, string? email = null, int? ticket = null, int? eventId = null)
    {
        var outcome = await Bookings.BookAsync(new BookingRequest(eventId ?? EventId, Form(name, email, ticket)));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    public async Task<Event> EventAsync(int? id = null)
    {
        await using var db = Database.CreateDbContext();
        return await db.Events.AsNoTracking().FirstAsync(e => e.Id == (id ?? EventId));
    }

    public async Task<EventHub.Core.Bookings.Booking> BookingAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<EventHub.Core.Bookings.Booking>().AsNoTracking().FirstAsync(b => b.Id == id);
    }

    public async Task<List<EventHub.Core.Bookings.Booking>> AllBookingsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<EventHub.Core.Bookings.Booking>().AsNoTracking().OrderBy(b => b.Id).ToListAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync(string? template = null)
    {
        await using var db = Database.CreateDbContext();
        var q = db.Set<OutboxMessage>().AsNoTracking();
        if (template is not null)
        {
            q = q.Where(m => m.Template == template);
        }

        return await q.OrderBy(m => m.Id).ToListAsync();
    }

    public async Task SettingsAsync(Action<BookingSettings> change)
    {
        var settings = BookingSettings.DefaultFor(EventId);
        change(settings);
        var saved = await Settings.SaveAsync(Actors.Organiser, settings);
        saved.Succeeded.ShouldBeTrue(string.Join("; ", saved.Errors.Select(e => e.Message)));
    }

    public async ValueTask DisposeAsync()
    {
        Gate.Dispose();
        Setup.Dispose();
        await Database.DisposeAsync();
    }
}
