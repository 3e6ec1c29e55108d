using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Events;

/// <summary>A talk, workshop or slot within an event.</summary>
public sealed class Session
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public Event? Event { get; set; }

    public int? RoomId { get; set; }

    public Room? Room { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;

    public string Speakers { get; set; } = string.Empty;

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>Null when the session has no limit of its own (everyone at the event may attend).</summary>
    public int? Capacity { get; set; }

    /// <summary>Places held in this session; changed only by conditional updates.</summary>
    public int PlacesTaken { get; set; }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.Title).HasMaxLength(EventRules.MaxTitleLength);
        builder.Property(s => s.Description).HasMaxLength(EventRules.MaxSummaryLength);
        builder.Property(s => s.Speakers).HasMaxLength(EventRules.MaxSpeakersLength);
        builder.HasIndex(s => new { s.EventId, s.StartUtc });
        builder.HasOne(s => s.Event).WithMany(e => e.Sessions).HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Room).WithMany().HasForeignKey(s => s.RoomId).OnDelete(DeleteBehavior.SetNull);
    }
}
