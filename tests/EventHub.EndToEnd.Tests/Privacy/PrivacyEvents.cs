using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Privacy;

/// <summary>Set-up for the privacy journeys: a published event in a month's time, and people booked on it by hand.</summary>
internal static class PrivacyEvents
{
    public static async Task<int> PublishedAsync(AppHost app, string title, int capacity)
    {
        var ct = TestContext.Current.CancellationToken;
        var events = app.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title + " " + Guid.NewGuid().ToString("N")[..6], Capacity = capacity, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        }, ct);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published, ct)).Succeeded.ShouldBeTrue();
        return created.Value.Id;
    }

    public static async Task<BookingResult> AddByHandAsync(AppHost app, int eventId, string name, string email)
    {
        var added = await app.Service<AttendeeService>().AddByHandAsync(Actor.System, eventId,
            new BookingForm { Name = name, Email = email, Organisation = "Devon County Council" }, TestContext.Current.CancellationToken);
        added.Succeeded.ShouldBeTrue(added.Message);
        return added.Value!;
    }
}
