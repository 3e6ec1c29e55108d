using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.FollowUps;

/// <summary>When an event's reminders go out, as offsets before its start. An event without a row uses the defaults.</summary>
public sealed class ReminderSettings
{
    public int EventId { get; set; }

    /// <summary>Offsets in minutes, largest first, comma separated ("10080,1440" is 7 days and 1 day).</summary>
    public string OffsetMinutes { get; set; } = string.Empty;
}

internal sealed class ReminderSettingsConfiguration : IEntityTypeConfiguration<ReminderSettings>
{
    public void Configure(EntityTypeBuilder<ReminderSettings> builder)
    {
        builder.ToTable("ReminderSettings");
        builder.HasKey(s => s.EventId);
        builder.Property(s => s.EventId).ValueGeneratedNever();
        builder.Property(s => s.OffsetMinutes).HasMaxLength(200);
        builder.HasOne<Events.Event>().WithOne().HasForeignKey<ReminderSettings>(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
