using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.OpenSpace;

/// <summary>
/// Per-event choice of who may pitch from the public pitch form. With no row, only ticket holders (by their manage
/// link) and the pitch desk can propose.
/// </summary>
public sealed class WalkInSettings
{
    public int EventId { get; set; }

    /// <summary>Anyone with the pitch link may pitch, not only ticket holders.</summary>
    public bool WalkInsMayPitch { get; set; }

    /// <summary>A walk-in's pitch waits for an organiser before it joins the queue.</summary>
    public bool ModerateWalkIns { get; set; }
}

internal sealed class WalkInSettingsConfiguration : IEntityTypeConfiguration<WalkInSettings>
{
    public void Configure(EntityTypeBuilder<WalkInSettings> builder)
    {
        builder.ToTable("WalkInSettings");
        builder.HasKey(s => s.EventId);
        builder.HasOne<Event>().WithOne().HasForeignKey<WalkInSettings>(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
