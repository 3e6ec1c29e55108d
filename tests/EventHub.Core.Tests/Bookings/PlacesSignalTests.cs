using System.Collections.Concurrent;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace EventHub.Core.Tests.Bookings;

/// <summary>
/// Every change to places left, and to what an event's public pages show, is announced on the live signal once it has
/// committed (the live "places left" and the eviction of cached pages).
/// </summary>
public sealed class PlacesSignalTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(LiveMessage Message, int PlacesTakenThen)> _heard = new();
    private CoreServices _core = default!;
    private int _eventId;
    private IDisposable? _listening;

    public async ValueTask InitializeAsync()
    {
        _core = await CoreServices.CreateAsync(configure: services =>
            services.AddBookings().AddEmail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build()));
        var events = _core.Get<EventService>();
        var start = _core.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30).AddHours(10);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = "Places Forum", Capacity = 1, VenueName = "County Hall", StartLocal = start, EndLocal = start.AddHours(2),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        _eventId = created.Value!.Id;
        (await events.SetStatusAsync(Actor.System, _eventId, EventStatus.Published)).Succeeded.ShouldBeTrue();
        var publicEvents = _core.Get<PublicEvents>();
        // What a listener reads when it hears the message: the committed figure, never the one from before.
        _listening = _core.Get<ILiveSignal>().Subscribe(_eventId, async message =>
            _heard.Enqueue((message, (await publicEvents.GetPlacesAsync(_eventId))!.PlacesTaken)));

        // On PostgreSQL the signal travels through LISTEN/NOTIFY, so what creating and publishing the event announced
        // can arrive after this subscription: wait until the signal has been quiet for a moment, then start afresh.
        var quietSince = DateTime.UtcNow;
        var seen = 0;
        for (var i = 0; i < 250 && DateTime.UtcNow - quietSince < TimeSpan.FromMilliseconds(500); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            if (_heard.Count != seen)
            {
                seen = _heard.Count;
                quietSince = DateTime.UtcNow;
            }
        }

        _heard.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        _listening?.Dispose();
        await _core.DisposeAsync();
    }

    private Task<BookingOutcome> BookAsync(string name) =>
        _core.Get<BookingService>().BookAsync(new BookingRequest(_eventId, BookingKit.Form(name)), TestContext.Current.CancellationToken);

    private async Task<List<(LiveMessage Message, int PlacesTakenThen)>> HeardAsync(int atLeast)
    {
        for (var i = 0; i < 500 && _heard.Count < atLeast; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await Task.Delay(100, TestContext.Current.CancellationToken); // Room for a message that should not come.
        var heard = _heard.ToList();
        _heard.Clear();
        return heard;
    }

    [Fact]
    public async Task Booking_the_last_place_is_announced_after_it_commits()
    {
        (await BookAsync("Ann Example")).Value!.Status.ShouldBe(BookingStatus.Confirmed);

        var heard = (await HeardAsync(1)).ShouldHaveSingleItem();
        heard.Message.Topic.ShouldBe(LiveTopics.Places);
        heard.PlacesTakenThen.ShouldBe(1);
    }

    [Fact]
    public async Task Joining_the_waiting_list_changes_no_places_and_is_announced_as_the_waiting_list_only()
    {
        await BookAsync("Ann Example");
        await HeardAsync(1);

        (await BookAsync("Bob Example")).Value!.Status.ShouldBe(BookingStatus.Waiting);

        (await HeardAsync(1)).ShouldHaveSingleItem().Message.Topic.ShouldBe(LiveTopics.Waiting);
    }

    [Fact]
    public async Task Leaving_the_waiting_list_is_announced_and_an_offer_is_announced_as_places_and_the_waiting_list()
    {
        var ann = (await BookAsync("Ann Example")).Value!;
        (await BookAsync("Bob Example")).Value!.Status.ShouldBe(BookingStatus.Waiting);
        var cat = (await BookAsync("Cat Example")).Value!;
        await HeardAsync(3);
        var bookings = _core.Get<BookingService>();

        (await bookings.LeaveWaitlistAsync(cat.ManageToken, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        (await HeardAsync(1)).ShouldHaveSingleItem().Message.Topic.ShouldBe(LiveTopics.Waiting);

        (await bookings.CancelAsync(ann.ManageToken, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        (await HeardAsync(2)).Select(h => h.Message.Topic).Distinct().Order().ShouldBe([LiveTopics.Places, LiveTopics.Waiting]);
    }

    [Fact]
    public async Task Cancelling_a_place_is_announced()
    {
        var ann = (await BookAsync("Ann Example")).Value!;
        await HeardAsync(1);

        (await _core.Get<BookingService>().CancelAsync(ann.ManageToken, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();

        var heard = await HeardAsync(1);
        heard.ShouldNotBeEmpty();
        heard.ShouldAllBe(h => h.Message.Topic == LiveTopics.Places);
        heard[^1].PlacesTakenThen.ShouldBe(0);
    }

    [Fact]
    public async Task A_new_capacity_is_announced()
    {
        var events = _core.Get<EventService>();
        var detail = (await events.GetAsync(Actor.System, _eventId, TestContext.Current.CancellationToken))!;
        var input = EventInput.From(detail.Event);
        input.Capacity = 5;

        (await events.UpdateAsync(Actor.System, _eventId, input, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();

        (await HeardAsync(2)).Select(h => h.Message.Topic).Order().ShouldBe([LiveTopics.Places, LiveTopics.Public]);
    }

    [Fact]
    public async Task A_new_series_description_is_announced_to_the_public_pages_of_its_editions()
    {
        var seriesService = _core.Get<SeriesService>();
        var series = (await seriesService.CreateAsync(Actor.System, new SeriesInput { Name = "Places series" }, TestContext.Current.CancellationToken)).Value!;
        var events = _core.Get<EventService>();
        var input = EventInput.From((await events.GetAsync(Actor.System, _eventId, TestContext.Current.CancellationToken))!.Event);
        input.SeriesId = series.Id;
        (await events.UpdateAsync(Actor.System, _eventId, input, TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();
        await HeardAsync(1);

        (await seriesService.UpdateAsync(Actor.System, series.Id, new SeriesInput { Name = "Places series", Description = "Now quarterly." },
            TestContext.Current.CancellationToken)).Succeeded.ShouldBeTrue();

        (await HeardAsync(1)).ShouldHaveSingleItem().Message.Topic.ShouldBe(LiveTopics.Public);
    }
}
