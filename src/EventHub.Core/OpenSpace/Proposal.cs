using EventHub.Core.Common;
using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.OpenSpace;

/// <summary>A session pitched by a participant, waiting in the queue until a facilitator places it.</summary>
public sealed class Proposal
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public required string Title { get; set; }

    public required string ConvenerName { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>Position in the pitch queue: lower pitches first.</summary>
    public int QueueOrder { get; set; }

    public ProposalStatus Status { get; set; }

    /// <summary>The session this proposal became once placed.</summary>
    public int? SessionId { get; set; }

    /// <summary>Who typed it: the convener themselves or a facilitator at the pitch desk.</summary>
    public string ProposedBy { get; set; } = string.Empty;

    /// <summary>The booking whose holder proposed it from their manage link (null when proposed at the pitch desk).</summary>
    public int? ProposerBookingId { get; set; }

    /// <summary>Where a walk-in asked for their session's notes link once it is placed (optional).</summary>
    public string? ConvenerEmail { get; set; }

    /// <summary>The convener asked to be credited by name: their name stays in the record after the retention sweep.</summary>
    public bool CreditByName { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the convener finished pitching it to the room (the facilitator moved the marketplace on); null while still to pitch.</summary>
    public DateTime? PitchedUtc { get; set; }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("Proposals");
        builder.Property(p => p.Title).HasMaxLength(OpenSpaceRules.MaxTitleLength);
        builder.Property(p => p.ConvenerName).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(OpenSpaceRules.MaxDescriptionLength);
        builder.Property(p => p.ProposedBy).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.Property(p => p.ConvenerEmail).HasMaxLength(EmailAddresses.MaxLength);
        builder.HasIndex(p => new { p.EventId, p.Status, p.QueueOrder });
        builder.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(p => p.ProposerBookingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.ProposerBookingId);
    }
}
