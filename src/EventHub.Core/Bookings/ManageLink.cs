using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>
/// One manage link sent to a booker. Only the SHA-256 of its token is kept, so a copy of the database cannot be turned
/// back into working links. Each mail that carries a link mints its own (see <see cref="ManageLinks"/>); every link a
/// person was sent leads to the booking until its details are anonymised or erased, when its links are deleted.
/// </summary>
public sealed class ManageLink : Common.HashedLink
{
    public int BookingId { get; set; }

    public Booking? Booking { get; set; }
}

internal sealed class ManageLinkConfiguration : IEntityTypeConfiguration<ManageLink>
{
    public void Configure(EntityTypeBuilder<ManageLink> builder)
    {
        Common.HashedLink.Configure(builder, "ManageLinks");
        builder.HasIndex(l => l.BookingId);
        builder.HasOne(l => l.Booking).WithMany().HasForeignKey(l => l.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
