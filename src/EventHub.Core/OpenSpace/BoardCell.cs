using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// Where a session sits on the board. The unique index on (RoomId, SlotId) is the guard that holds under
/// concurrency: two facilitators cannot put two sessions into one room and slot.
/// </summary>
public sealed class BoardCell
{
    public int SessionId { get; set; }

    public int EventId { get; set; }

    public int RoomId { get; set; }

    public int SlotId { get; set; }

    public required string ConvenerName { get; set; }

    public bool IsPinned { get; set; }

    /// <summary>
    /// Set on an overflow room's copy: the session it duplicates, in the same slot. The copy is a session of its own
    /// (its own notes, write-ups and interest), so two conversations in two rooms do not type over one notes page.
    /// </summary>
    public int? CopyOfSessionId { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

internal sealed class BoardCellConfiguration : IEntityTypeConfiguration<BoardCell>
{
    public void Configure(EntityTypeBuilder<BoardCell> builder)
    {
        builder.ToTable("BoardCells");
        builder.HasKey(c => c.SessionId);
        builder.Property(c => c.ConvenerName).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.HasIndex(c => new { c.RoomId, c.SlotId }).IsUnique();
        builder.HasIndex(c => new { c.EventId, c.SlotId });
        builder.HasOne<Session>().WithOne().HasForeignKey<BoardCell>(c => c.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(c => c.CopyOfSessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Room>().WithMany().HasForeignKey(c => c.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BoardSlot>().WithMany().HasForeignKey(c => c.SlotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
