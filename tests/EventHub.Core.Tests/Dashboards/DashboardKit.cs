using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.Core.Events.Access;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Dashboards;

/// <summary>
/// A real database with the features the figures read (bookings, check-ins, the retention job), and helpers that
/// write bookings and check-ins with chosen times, as years of bookings would have left them.
/// </summary>
public sealed class DashboardKit : IAsyncDisposable
{
    private DashboardKit(CoreServices services) => Services = services;

    public CoreServices Services { get; }

    public TestDatabase Database => Services.Database;

    public DateTime Now => Services.Clock.GetUtcNow().UtcDateTime;

    public FiguresService Figures => Services.Get<FiguresService>();

    public static async Task<DashboardKit> CreateAsync() =>
        new(await CoreServices.CreateAsync(configure: s =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
            s.AddBookings().AddCheckIn().AddDashboards().AddEmail(configuration).AddFeedback().AddPrivacy();
        }));

    public async Task<int> SeriesAsync(string name = "Social Media Forum")
    {
        await using var db = Database.CreateDbContext();
        var series = new EventSeries { Name = name, Slug = "series-" + Guid.NewGuid().ToString("N")[..8], CreatedUtc = Now };
        db.Add(series);
        await db.SaveChangesAsync();
        await Teams.JoinSeriesAsync(Database, Actors.Organiser, series.Id, TeamRole.Owner);
        return series.Id;
    }

    /// <summary>A published event whose booking opened at <paramref name="opensUtc"/> and which starts at <paramref name="startUtc"/>.</summary>
    public async Task<int> EventAsync(int capacity, DateTime opensUtc, DateTime startUtc, int? seriesId = null, string zone = "Europe/London")
    {
        await using var db = Database.CreateDbContext();
        var ev = new Event
        {
            Title = "Forum " + startUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Slug = "figures-" + Guid.NewGuid().ToString("N")[..8], Status = EventStatus.Published, Capacity = capacity,
            StartUtc = startUtc, EndUtc = startUtc.AddHours(6), BookingOpensUtc = opensUtc, TimeZoneId = zone,
            SeriesId = seriesId, CreatedUtc = opensUtc.AddDays(-1), UpdatedUtc = opensUtc,
        };
        db.Add(ev);
        await db.SaveChangesAsync();
        if (seriesId is null)
        {
            await Teams.JoinEventAsync(Database, Actors.Organiser, ev.Id, TeamRole.Owner);
        }

        return ev.Id;
    }

    /// <summary>Writes a booking as the booking service would have left it; a place-holding one also counts in the event's places taken.</summary>
    public async Task<int> BookAsync(int eventId, string email, BookingStatus status, DateTime createdUtc, bool checkedIn = false)
    {
        await using var db = Database.CreateDbContext();
        var booking = NewBooking(eventId, email, status, createdUtc);
        db.Add(booking);
        await db.SaveChangesAsync();
        if (booking.HoldsPlace)
        {
            // As Bookings' Places does: the place that fills the event marks it sold out.
            await db.Events.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.PlacesTaken, e => e.PlacesTaken + 1)
                .SetProperty(e => e.SoldOutUtc, e => e.PlacesTaken + 1 >= e.Capacity ? createdUtc : e.SoldOutUtc));
        }

        if (checkedIn)
        {
            db.Add(new CheckInRecord { BookingId = booking.Id, EventId = eventId, CheckedInUtc = createdUtc, CheckedInBy = "Main door" });
            await db.SaveChangesAsync();
        }

        return booking.Id;
    }

    /// <summary>An online ticket type of <paramref name="places"/> places: its own capacity, beside the room's.</summary>
    public async Task<int> OnlineTypeAsync(int eventId, int places = 50)
    {
        await using var db = Database.CreateDbContext();
        var type = new TicketType { EventId = eventId, Name = "Online", Attendance = Attendance.Online, Quota = places };
        db.Add(type);
        await db.SaveChangesAsync();
        return type.Id;
    }

    /// <summary>A confirmed online place, as the booking service would have left it: the type's counter moves, not the room's.</summary>
    public async Task<int> BookOnlineAsync(int eventId, int onlineTypeId, string email, DateTime createdUtc, bool checkedIn = false)
    {
        await using var db = Database.CreateDbContext();
        var booking = NewBooking(eventId, email, BookingStatus.Confirmed, createdUtc);
        booking.TicketTypeId = onlineTypeId;
        db.Add(booking);
        await db.SaveChangesAsync();
        await db.Set<TicketType>().Where(t => t.Id == onlineTypeId).ExecuteUpdateAsync(s => s.SetProperty(t => t.PlacesTaken, t => t.PlacesTaken + 1));
        if (checkedIn)
        {
            // Only a check-in made before online places were kept from the door could leave this row.
            db.Add(new CheckInRecord { BookingId = booking.Id, EventId = eventId, CheckedInUtc = createdUtc, CheckedInBy = "Main door" });
            await db.SaveChangesAsync();
        }

        return booking.Id;
    }

    /// <summary>A confirmed booking made five days ago, and a manage link minted for it (the feedback form's way in).</summary>
    public async Task<string> BookWithManageLinkAsync(int eventId, string email)
    {
        var id = await BookAsync(eventId, email, BookingStatus.Confirmed, Now.AddDays(-5));
        await using var db = Database.CreateDbContext();
        var token = ManageLinks.Mint(db, id, "test", Now);
        await db.SaveChangesAsync();
        return token;
    }

    public static Booking NewBooking(int eventId, string email, BookingStatus status, DateTime createdUtc)
    {
        var token = Guid.NewGuid().ToString("N");
        return new Booking
        {
            EventId = eventId, Reference = token[..12].ToUpperInvariant(), CheckInCode = token + "c",
            Name = "Person " + email, Email = email, NormalisedEmail = EmailAddresses.Normalise(email), Status = status,
            CreatedUtc = createdUtc, UpdatedUtc = createdUtc, ConsentUtc = createdUtc,
        };
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
