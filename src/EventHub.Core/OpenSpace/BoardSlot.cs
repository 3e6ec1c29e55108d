using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.OpenSpace;

/// <summary>One column of the board: a time slot of an Open Space or Hybrid event.</summary>
public sealed class BoardSlot
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }
}

internal sealed class BoardSlotConfiguration : IEntityTypeConfiguration<BoardSlot>
{
    public void Configure(EntityTypeBuilder<BoardSlot> builder)
    {
        builder.ToTable("BoardSlots");
        builder.HasIndex(s => new { s.EventId, s.StartUtc });
        builder.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
