using System.Text.Json;
using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>Adds messages to the outbox inside the caller's unit of work (the caller saves).</summary>
public static class Outbox
{
    public static OutboxMessage Enqueue(
        EventHubDbContext db, string template, string toEmail, string toName, object payload, DateTime nowUtc, int? eventId = null)
    {
        var message = new OutboxMessage
        {
            Template = template,
            ToEmail = toEmail,
            ToName = toName,
            PayloadJson = JsonSerializer.Serialize(payload),
            EventId = eventId,
            MessageId = SecureTokens.New(16) + "@eventhub",
            Status = OutboxStatus.Queued,
            CreatedUtc = nowUtc,
            NextAttemptUtc = nowUtc,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
