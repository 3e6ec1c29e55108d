using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Tests.Bookings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

/// <summary>The booking kit (real SQLite, one event open for booking) plus the check-in services over the same file.</summary>
public sealed class CheckInKit : IAsyncDisposable
{
    private CheckInKit(BookingKit booking)
    {
        Booking = booking;
        Live = new InProcessLiveSignal();
        Service = new CheckInService(booking.Database, booking.Clock, Live);
        Links = new DoorLinkService(booking.Database, booking.Clock);
        Attendance = new AttendanceService(booking.Database);
        Offline = new OfflineDoorService(booking.Database, booking.Clock, Live);
        Badges = new BadgeService(booking.Database);
    }

    public BookingKit Booking { get; }

    public InProcessLiveSignal Live { get; }

    public CheckInService Service { get; }

    public DoorLinkService Links { get; }

    public AttendanceService Attendance { get; }

    public OfflineDoorService Offline { get; }

    public BadgeService Badges { get; }

    public int EventId => Booking.EventId;

    public Door Organiser { get; } = Door.ForOrganiser(Actors.Organiser);

    public static async Task<CheckInKit> CreateAsync(int capacity = 50) => new(await BookingKit.CreateAsync(capacity));

    public async Task<string> CodeOfAsync(string name, string? organisation = null, int? ticket = null)
    {
        var form = BookingKit.Form(name, null, ticket);
        if (organisation is not null)
        {
            form.Organisation = organisation;
        }

        var outcome = await Booking.Bookings.BookAsync(new EventHub.Core.Bookings.BookingRequest(EventId, form));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        outcome.Value!.CheckInCode.ShouldNotBeNull();
        return outcome.Value.CheckInCode!;
    }

    public async Task<IssuedDoorLink> LinkAsync(string label = "Main entrance phone", int? eventId = null, TimeSpan? from = null, TimeSpan? until = null)
    {
        var now = Booking.Clock.GetUtcNow().UtcDateTime;
        var outcome = await Links.CreateAsync(Actors.Organiser, eventId ?? EventId,
            new DoorLinkInput(label, now + (from ?? TimeSpan.FromHours(-1)), now + (until ?? TimeSpan.FromHours(8))));
        outcome.Succeeded.ShouldBeTrue();
        return outcome.Value!;
    }

    /// <summary>Moves the kit's event to other times (and zone), as an organiser editing it would.</summary>
    public async Task SetEventTimesAsync(DateTime startUtc, DateTime endUtc, string timeZoneId = "Europe/London")
    {
        await using var db = Booking.Database.CreateDbContext();
        await db.Events.Where(e => e.Id == EventId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.StartUtc, startUtc)
            .SetProperty(e => e.EndUtc, endUtc)
            .SetProperty(e => e.TimeZoneId, timeZoneId), Xunit.TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => Booking.DisposeAsync();
}
