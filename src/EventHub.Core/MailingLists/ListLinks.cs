using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.MailingLists;

/// <summary>
/// Mints mailing-list links and finds the subscription behind one. The raw token lives only in the mail that carries
/// it (its outbox payload and the sent message); the database keeps its hash, as for manage links.
/// </summary>
public static class ListLinks
{
    public const string Confirm = "confirm";

    public const string Unsubscribe = "unsubscribe";

    /// <summary>Adds a new link for <paramref name="subscription"/> (tracked by <paramref name="db"/>, saved or not) to the caller's unit of work; returns its token.</summary>
    internal static string Mint(EventHubDbContext db, ListSubscription subscription, string purpose, DateTime now)
    {
        var token = SecureTokens.New();
        db.Add(new ListLink { Subscription = subscription, TokenHash = SecureTokens.Hash(token), Purpose = purpose, CreatedUtc = now });
        return token;
    }

    /// <summary>Adds a new link for a saved subscription to the caller's unit of work; returns its token.</summary>
    internal static string Mint(EventHubDbContext db, int subscriptionId, string purpose, DateTime now)
    {
        var token = SecureTokens.New();
        db.Add(new ListLink { SubscriptionId = subscriptionId, TokenHash = SecureTokens.Hash(token), Purpose = purpose, CreatedUtc = now });
        return token;
    }

    /// <summary>The subscriptions (none or one) a link sent for <paramref name="purpose"/> leads to, looked up by the token's hash.</summary>
    internal static IQueryable<ListSubscription> WithLink(this IQueryable<ListSubscription> subscriptions, EventHubDbContext db, string? token, string purpose)
    {
        if (SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return subscriptions.Where(s => false);
        }

        var ids = db.Set<ListLink>().Where(l => l.TokenHash == hash && l.Purpose == purpose).Select(l => l.SubscriptionId);
        return subscriptions.Where(s => ids.Contains(s.Id));
    }

    /// <summary>Deletes every link to the subscription: they stop working at once.</summary>
    internal static Task<int> RevokeAsync(EventHubDbContext db, int subscriptionId, CancellationToken ct) =>
        db.Set<ListLink>().Where(l => l.SubscriptionId == subscriptionId).ExecuteDeleteAsync(ct);
}
