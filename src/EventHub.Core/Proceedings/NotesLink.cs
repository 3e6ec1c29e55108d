using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>
/// One private notes link to a session's record. Only the SHA-256 of its token is kept, so a copy of the database cannot
/// be turned back into working links. Each link handed out (shown once to an organiser, or put in one mail) is a row of
/// its own (see <see cref="NotesLinks"/>); reissuing deletes a session's rows, and so does anonymising its event.
/// </summary>
public sealed class NotesLink
{
    public long Id { get; set; }

    public int SessionId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token (<see cref="Common.SecureTokens.Hash"/>).</summary>
    public required string TokenHash { get; set; }

    /// <summary>Who it was made for: <see cref="NotesLinks.ShownToOrganiser"/> or the template of the mail that carries it.</summary>
    public required string Purpose { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class NotesLinkConfiguration : IEntityTypeConfiguration<NotesLink>
{
    public void Configure(EntityTypeBuilder<NotesLink> builder)
    {
        builder.ToTable("NotesLinks");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.Purpose).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.SessionId);
        builder.HasOne<Events.Session>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
