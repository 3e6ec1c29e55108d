using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Polls;

/// <summary>
/// Mints poll confirm links and finds the pending voter behind one. The raw token lives only in the mail that carries
/// it; the database keeps its hash, as for mailing-list links.
/// </summary>
internal static class PollLinks
{
    public const string Confirm = "confirm";

    /// <summary>Adds a confirm link for <paramref name="voter"/> (tracked, saved or not) to the caller's unit of work; returns its token.</summary>
    public static string MintConfirm(EventHubDbContext db, PollVoter voter, DateTime now)
    {
        var token = SecureTokens.New();
        db.Add(new PollLink { Voter = voter, TokenHash = SecureTokens.Hash(token), Purpose = Confirm, CreatedUtc = now });
        return token;
    }

    /// <summary>
    /// The pending voters (none or one) a confirm link leads to, looked up by the token's hash, while the link is
    /// younger than <paramref name="validFor"/>.
    /// </summary>
    public static IQueryable<PollVoter> WithConfirmLink(this IQueryable<PollVoter> voters, EventHubDbContext db, string? token, DateTime now, TimeSpan validFor)
    {
        if (SecureTokens.HashOfPresented(token) is not { } hash)
        {
            return voters.Where(v => false);
        }

        var since = now - validFor;
        var ids = db.Set<PollLink>().Where(l => l.TokenHash == hash && l.Purpose == Confirm && l.CreatedUtc > since).Select(l => l.VoterId);
        return voters.Where(v => v.Pending && ids.Contains(v.Id));
    }
}
