using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>
/// One private notes link to a session's record. Only the SHA-256 of its token is kept, so a copy of the database cannot
/// be turned back into working links. Each link handed out (shown once to an organiser, or put in one mail) is a row of
/// its own (see <see cref="NotesLinks"/>); reissuing deletes a session's rows, and so does anonymising its event.
/// Its purpose is <see cref="NotesLinks.ShownToOrganiser"/> or the template of the mail that carries it.
/// </summary>
public sealed class NotesLink : Common.HashedLink
{
    public int SessionId { get; set; }
}

internal sealed class NotesLinkConfiguration : IEntityTypeConfiguration<NotesLink>
{
    public void Configure(EntityTypeBuilder<NotesLink> builder)
    {
        Common.HashedLink.Configure(builder, "NotesLinks");
        builder.HasIndex(l => l.SessionId);
        builder.HasOne<Events.Session>().WithMany().HasForeignKey(l => l.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
