using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Privacy;

/// <summary>What the retention sweep has already done to one event's personal data, and when.</summary>
public sealed class EventPrivacyState
{
    public int EventId { get; set; }

    /// <summary>When access and dietary needs were cleared (their shorter period ended).</summary>
    public DateTime? NeedsClearedUtc { get; set; }

    /// <summary>When names, emails, answers and the rest were anonymised; the figures stay.</summary>
    public DateTime? AnonymisedUtc { get; set; }
}

internal sealed class EventPrivacyStateConfiguration : IEntityTypeConfiguration<EventPrivacyState>
{
    public void Configure(EntityTypeBuilder<EventPrivacyState> builder)
    {
        builder.ToTable("EventPrivacyStates");
        builder.HasKey(s => s.EventId);
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
