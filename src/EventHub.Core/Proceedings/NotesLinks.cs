using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Proceedings;

/// <summary>
/// Mints private notes links and finds the session behind one. The raw token is shown once or put in one mail; the
/// database keeps its hash (the design of manage links, see CONTRIBUTING.md "Links that carry a token").
/// </summary>
public static class NotesLinks
{
    /// <summary>The purpose of a link shown once on the after-the-day page.</summary>
    public const string ShownToOrganiser = "organiser";

    /// <summary>Adds a new link to the session to the caller's unit of work; returns its token.</summary>
    internal static string Mint(EventHubDbContext db, int sessionId, string purpose, DateTime now)
    {
        var token = SecureTokens.New();
        db.Add(new NotesLink { SessionId = sessionId, TokenHash = SecureTokens.Hash(token), Purpose = purpose, CreatedUtc = now });
        return token;
    }

    /// <summary>The session (none or one) a notes link opens, looked up by the token's hash.</summary>
    internal static IQueryable<int> SessionFor(EventHubDbContext db, string? token) => Find(db, token).Select(l => l.SessionId);

    /// <summary>The link (none or one) a token is, looked up by its hash.</summary>
    internal static IQueryable<NotesLink> Find(EventHubDbContext db, string? token)
    {
        if (SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return db.Set<NotesLink>().Where(l => false);
        }

        return db.Set<NotesLink>().Where(l => l.TokenHash == hash);
    }

    /// <summary>Deletes every link to the sessions <paramref name="sessionIds"/> selects: they stop working at once.</summary>
    internal static Task<int> RevokeAsync(EventHubDbContext db, IQueryable<int> sessionIds, CancellationToken ct) =>
        db.Set<NotesLink>().Where(l => sessionIds.Contains(l.SessionId)).ExecuteDeleteAsync(ct);
}
