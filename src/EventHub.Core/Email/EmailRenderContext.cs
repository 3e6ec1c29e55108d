using System.Text.Json;
using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>Everything a template may read while rendering one outbox message.</summary>
public sealed class EmailRenderContext
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public required OutboxMessage Message { get; init; }

    /// <summary>The event named by <see cref="OutboxMessage.EventId"/>, if any.</summary>
    public EmailEvent? Event { get; init; }

    /// <summary>The calendar SEQUENCE for <see cref="Event"/>: it goes up each time the event's time or place changes.</summary>
    public int IcsSequence { get; init; }

    public required EmailOptions Options { get; init; }

    /// <summary>A short-lived context for templates that must check current state (e.g. list subscriptions).</summary>
    public required EventHubDbContext Db { get; init; }

    /// <summary>The payload with its protected values revealed (see <see cref="OutboxPayloadProtection"/>); the stored one when null.</summary>
    public string? PayloadJson { get; init; }

    public T Payload<T>()
    {
        var value = JsonSerializer.Deserialize<T>(PayloadJson ?? Message.PayloadJson, JsonOptions);
        return value ?? throw new InvalidOperationException($"Outbox message {Message.Id} has no payload for {Message.Template}.");
    }

    public EmailEvent RequireEvent() =>
        Event ?? throw new InvalidOperationException($"Outbox message {Message.Id} ({Message.Template}) needs an event but event {Message.EventId} was not found.");

    public string Link(string relative) => Options.Link(relative);
}
