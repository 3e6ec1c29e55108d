using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Events;

public sealed class Room
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public Event? Event { get; set; }

    public required string Name { get; set; }

    public int? Capacity { get; set; }

    public string AccessibilityNotes { get; set; } = string.Empty;

    public int SortOrder { get; set; }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("Rooms");
        builder.Property(r => r.Name).HasMaxLength(EventRules.MaxRoomNameLength);
        builder.Property(r => r.AccessibilityNotes).HasMaxLength(EventRules.MaxNotesLength);
        builder.HasIndex(r => new { r.EventId, r.Name }).IsUnique();
        builder.HasOne(r => r.Event).WithMany(e => e.Rooms).HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
