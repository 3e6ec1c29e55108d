using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EventHub.Core.Email;

/// <summary>
/// Mail anyone can cause to be sent to any address by typing it into a public form (a list sign-up's confirmation,
/// "send my link again", a vote's receipt): at most <see cref="EmailOptions.UnrequestedPerDay"/> such messages go to
/// one address in 24 hours, whatever form they came from; the rest are dropped quietly (the form answers the same,
/// so the cap reveals nothing either). The recipient's name is left out: it would be text a stranger typed.
/// </summary>
public sealed class UnrequestedMail(IOptions<EmailOptions> options)
{
    public static UnrequestedMail Default { get; } = new(Options.Create(new EmailOptions()));

    /// <summary>Queues the message in the caller's unit of work (the caller saves); false when the address had its share today.</summary>
    public async Task<bool> TryEnqueueAsync(
        EventHubDbContext db, string template, string toEmail, object payload, DateTime nowUtc, int? eventId, CancellationToken ct)
    {
        var to = EmailAddresses.Normalise(toEmail);
        var since = nowUtc.AddDays(-1);
        var queued = db.ChangeTracker.Entries<OutboxMessage>().Count(e => e.State == EntityState.Added && e.Entity.UnrequestedTo == to);
        if (queued + await db.Set<OutboxMessage>().CountAsync(m => m.UnrequestedTo == to && m.CreatedUtc > since, ct) >= options.Value.UnrequestedPerDay)
        {
            return false;
        }

        Outbox.Enqueue(db, template, toEmail, string.Empty, payload, nowUtc, eventId).UnrequestedTo = to;
        return true;
    }
}
