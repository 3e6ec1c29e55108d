using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace EventHub.Core.Organisers;

/// <summary>
/// Identity's own store, except that two-step recovery codes are kept as SHA-256 hashes (Identity keeps them as
/// typed), so a copy of the database does not hand out working codes. Codes are compared ignoring case and spaces.
/// </summary>
internal sealed class OrganiserUserStore(EventHubDbContext context, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<Organiser, EventHubDbContext>(context, describer)
{
    public override Task ReplaceCodesAsync(Organiser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(Organiser user, string code, CancellationToken cancellationToken) =>
        base.RedeemCodeAsync(user, Hash(code), cancellationToken);

    private static string Hash(string code) => SecureTokens.Hash((code ?? string.Empty).Trim().ToUpperInvariant());
}
