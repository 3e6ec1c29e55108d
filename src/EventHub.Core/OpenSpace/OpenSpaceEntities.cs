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

public enum ProposalStatus
{
    Queued = 0,
    Placed = 1,
    Withdrawn = 2,
    Merged = 3,
}

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

    public DateTime CreatedUtc { get; set; }
}

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

    public DateTime UpdatedUtc { get; set; }
}

public enum SessionHistoryKind
{
    Placed = 0,
    Moved = 1,
    MergedIn = 2,
    Pinned = 3,
    Unpinned = 4,
}

/// <summary>What happened to a board session; a merge keeps the absorbed session's title and convener here.</summary>
public sealed class SessionHistoryEntry
{
    public long Id { get; set; }

    public int SessionId { get; set; }

    public SessionHistoryKind Kind { get; set; }

    public required string Title { get; set; }

    public required string ConvenerName { get; set; }

    public string Detail { get; set; } = string.Empty;

    public string ByName { get; set; } = string.Empty;

    public DateTime AtUtc { get; set; }
}

/// <summary>"I'd like to go": a person's interest in a board session.</summary>
public sealed class InterestMark
{
    public long Id { get; set; }

    public int SessionId { get; set; }

    public required string Name { get; set; }

    /// <summary>Normalised email, used to tell the person when the session moves or merges.</summary>
    public string Email { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }
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

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("Proposals");
        builder.Property(p => p.Title).HasMaxLength(OpenSpaceRules.MaxTitleLength);
        builder.Property(p => p.ConvenerName).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(OpenSpaceRules.MaxDescriptionLength);
        builder.Property(p => p.ProposedBy).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.HasIndex(p => new { p.EventId, p.Status, p.QueueOrder });
        builder.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Session>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Bookings.Booking>().WithMany().HasForeignKey(p => p.ProposerBookingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.ProposerBookingId);
    }
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
        builder.HasOne<Room>().WithMany().HasForeignKey(c => c.RoomId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BoardSlot>().WithMany().HasForeignKey(c => c.SlotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionHistoryConfiguration : IEntityTypeConfiguration<SessionHistoryEntry>
{
    public void Configure(EntityTypeBuilder<SessionHistoryEntry> builder)
    {
        builder.ToTable("SessionHistory");
        builder.Property(h => h.Title).HasMaxLength(OpenSpaceRules.MaxTitleLength);
        builder.Property(h => h.ConvenerName).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.Property(h => h.Detail).HasMaxLength(500);
        builder.Property(h => h.ByName).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.HasIndex(h => h.SessionId);
        builder.HasOne<Session>().WithMany().HasForeignKey(h => h.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InterestMarkConfiguration : IEntityTypeConfiguration<InterestMark>
{
    public void Configure(EntityTypeBuilder<InterestMark> builder)
    {
        builder.ToTable("InterestMarks");
        builder.Property(i => i.Name).HasMaxLength(OpenSpaceRules.MaxNameLength);
        builder.Property(i => i.Email).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.HasIndex(i => new { i.SessionId, i.Email }).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
