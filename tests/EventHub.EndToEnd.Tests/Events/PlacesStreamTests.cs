using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.EndToEnd.Tests.Support;

namespace EventHub.EndToEnd.Tests.Events;

/// <summary>The live "places left" stream over plain HTTP: Server-Sent Events, the figures at once, then each change.</summary>
public sealed class PlacesStreamTests(SharedApp shared)
{
    private readonly AppHost _app = shared.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A published event with one place, on <paramref name="app"/>.</summary>
    internal static async Task<(int Id, string Slug)> EventWithOnePlaceAsync(AppHost app, string title)
    {
        var events = app.Service<EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new EventInput
        {
            Title = title + " " + Guid.NewGuid().ToString("N")[..6], Capacity = 1, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(12),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, EventStatus.Published)).Succeeded.ShouldBeTrue();
        return (created.Value.Id, created.Value.Slug);
    }

    internal static async Task<BookingResult> BookAsync(AppHost app, int eventId, string name, int? ticket = null)
    {
        var outcome = await app.Service<BookingService>().BookAsync(new BookingRequest(eventId, new BookingForm
        {
            Name = name, Email = $"{name.Replace(' ', '.').ToLowerInvariant()}-{Guid.NewGuid():N}@devon.gov.uk",
            Organisation = "Devon County Council", PrivacyConsent = true, TicketTypeId = ticket,
        }));
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    private static async Task<HttpResponseMessage> OpenAsync(HttpClient client, string slug)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/events/{slug}/places");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    /// <summary>Reads one server-sent event: its type and its data as JSON.</summary>
    private static async Task<(string? Type, JsonElement Data)> NextEventAsync(StreamReader reader)
    {
        string? type = null;
        string? data = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0 && data is not null)
            {
                return (type, JsonDocument.Parse(data).RootElement.Clone());
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The stream ended before an event arrived.");
    }

    [Fact]
    public async Task The_stream_is_server_sent_events_that_start_with_the_places_left_and_follow_each_change()
    {
        var (eventId, slug) = await EventWithOnePlaceAsync(_app, "Stream forum");
        using var client = _app.CreateHttpClient();

        using var response = await OpenAsync(client, slug);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        var (type, first) = await NextEventAsync(reader);
        type.ShouldBe("places");
        first.GetProperty("left").GetInt32().ShouldBe(1);
        first.GetProperty("summary").GetString().ShouldBe("1 of 1 places left");
        first.GetProperty("action").GetString().ShouldBe("Book a place");
        first.TryGetProperty("online", out _).ShouldBeFalse("an event without online places sends no online member");

        await BookAsync(_app, eventId, "Ann Example");

        var (_, next) = await NextEventAsync(reader);
        next.GetProperty("left").GetInt32().ShouldBe(0);
        next.GetProperty("summary").GetString().ShouldBe("Fully booked — join the waiting list");
        next.GetProperty("action").GetString().ShouldBe("Join the waiting list");
    }

    [Fact]
    public async Task With_online_places_the_stream_carries_each_kind_and_offers_the_waiting_list_only_once_every_kind_is_full()
    {
        var (eventId, slug) = await EventWithOnePlaceAsync(_app, "Hybrid stream forum");
        var types = _app.Service<TicketTypeAdminService>();
        var room = (await types.SaveAsync(Actor.System, eventId, null, "In the room", "", null, false, ct: Ct)).Value!.Id;
        var online = await types.SaveAsync(Actor.System, eventId, null, "Join online", "", 1, false, Attendance.Online, Ct);
        online.Succeeded.ShouldBeTrue(string.Join("; ", online.Errors.Select(e => e.Message)));
        var key = $"online-{online.Value!.Id}";
        using var client = _app.CreateHttpClient();
        using var response = await OpenAsync(client, slug);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));

        var (_, first) = await NextEventAsync(reader);
        first.GetProperty("summary").GetString().ShouldBe("1 of 1 places left");
        first.GetProperty("online").GetProperty(key).GetString().ShouldBe("Join online: 1 of 1 online places left");
        first.GetProperty("action").GetString().ShouldBe("Book a place");

        // The room fills; an online place is still free, so the button still books.
        (await BookAsync(_app, eventId, "Ann Room", room)).Status.ShouldBe(BookingStatus.Confirmed);
        var (_, roomFull) = await NextEventAsync(reader);
        roomFull.GetProperty("summary").GetString().ShouldBe("Fully booked — join the waiting list");
        roomFull.GetProperty("online").GetProperty(key).GetString().ShouldBe("Join online: 1 of 1 online places left");
        roomFull.GetProperty("action").GetString().ShouldBe("Book a place");

        // The last online place goes: its line and the button switch to the waiting list.
        (await BookAsync(_app, eventId, "Olu Online", online.Value.Id)).Status.ShouldBe(BookingStatus.Confirmed);
        var (_, allFull) = await NextEventAsync(reader);
        allFull.GetProperty("online").GetProperty(key).GetString().ShouldBe("Join online: online places fully booked — join its waiting list");
        allFull.GetProperty("action").GetString().ShouldBe("Join the waiting list");
    }

    [Fact]
    public async Task There_is_no_stream_for_an_event_that_is_not_public()
    {
        using var client = _app.CreateHttpClient();

        using var response = await OpenAsync(client, "no-such-event-" + Guid.NewGuid().ToString("N")[..8]);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_open_stream_does_not_hold_up_stopping_the_app()
    {
        var app = new AppHost();
        var (_, slug) = await EventWithOnePlaceAsync(app, "Stopping forum");
        using var client = app.CreateHttpClient();
        using var response = await OpenAsync(client, slug);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Ct));
        (await NextEventAsync(reader)).Type.ShouldBe("places");

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await app.DisposeAsync();

        // Kestrel would wait its whole shutdown timeout (30 s by default) for a stream that ignored the app stopping.
        stopping.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
