using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Common;

/// <summary>
/// A link that acts for someone (a manage, notes or mailing-list link). Only the SHA-256 of its token is kept, so a
/// copy of the database cannot be turned back into working links; each link handed out is a row of its own, so one can
/// be traced to the mail or page that carried it, and deleting the rows stops every link at once.
/// </summary>
public abstract class HashedLink
{
    public long Id { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token (<see cref="SecureTokens.Hash"/>).</summary>
    public required string TokenHash { get; set; }

    /// <summary>What the link was minted for, such as the template of the mail that carries it.</summary>
    public required string Purpose { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The table, the hash's unique index and the column sizes every kind of link shares.</summary>
    internal static void Configure<T>(EntityTypeBuilder<T> builder, string table, int purposeLength = 64)
        where T : HashedLink
    {
        builder.ToTable(table);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Purpose).HasMaxLength(purposeLength);
        builder.HasIndex(l => l.TokenHash).IsUnique();
    }
}
