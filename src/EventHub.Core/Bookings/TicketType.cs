using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>
/// A kind of ticket ("Council staff", "Speakers") with its own quota inside the event's capacity, or an online place
/// whose quota is its own capacity, apart from the room's.
/// </summary>
public sealed class TicketType : IEventListItem
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>Null: limited only by the event's capacity. Always set for an online type: its capacity.</summary>
    public int? Quota { get; set; }

    public Attendance Attendance { get; set; } = Attendance.InPerson;

    public bool IsOnline => Attendance == Attendance.Online;

    /// <summary>Places held with this ticket; changed only by conditional updates.</summary>
    public int PlacesTaken { get; set; }

    /// <summary>Hidden types are offered only through a link carrying <see cref="SecretToken"/>.</summary>
    public bool Hidden { get; set; }

    public string? SecretToken { get; set; }

    public int SortOrder { get; set; }
}

internal sealed class TicketTypeConfiguration : IEntityTypeConfiguration<TicketType>
{
    public void Configure(EntityTypeBuilder<TicketType> builder)
    {
        builder.ToTable("TicketTypes");
        builder.Property(t => t.Name).HasMaxLength(BookingRules.MaxNameLength);
        builder.Property(t => t.Description).HasMaxLength(BookingRules.MaxNeedsLength);
        builder.Property(t => t.SecretToken).HasMaxLength(64);
        builder.HasIndex(t => t.EventId);
        builder.Ignore(t => t.IsOnline);
        builder.HasIndex(t => t.SecretToken).IsUnique();
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_TicketTypes_PlacesTaken",
            "\"PlacesTaken\" >= 0 AND (\"Quota\" IS NULL OR \"PlacesTaken\" <= \"Quota\")"));
        // An online place is limited only by its own quota, so an online type without one would have no limit at all.
        builder.ToTable(t => t.HasCheckConstraint("CK_TicketTypes_OnlineQuota", "\"Attendance\" = 0 OR \"Quota\" IS NOT NULL"));
    }
}
