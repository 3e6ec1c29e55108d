using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

/// <summary>A date poll for an informal meet-up: people say which candidate dates suit, the organiser picks one.</summary>
public sealed class Poll
{
    public int Id { get; set; }

    public required string Title { get; set; }

    public string Description { get; set; } = string.Empty;

    public required string Place { get; set; }

    public string TimeZoneId { get; set; } = Common.EventTime.DefaultTimeZoneId;

    /// <summary>After this instant no vote is added or changed. Null: open until finalised.</summary>
    public DateTime? ClosesUtc { get; set; }

    /// <summary>
    /// One vote per email address, confirmed by a link: a vote needs an address, waits (not counted, not shown) until
    /// the link mailed to it is confirmed, and then replaces any earlier vote from that address.
    /// </summary>
    public bool ConfirmVotesByEmail { get; set; }

    public int? SeriesId { get; set; }

    public EventSeries? Series { get; set; }

    /// <summary>The share link token: /polls/{PublicToken}.</summary>
    public required string PublicToken { get; set; }

    public PollStatus Status { get; set; }

    public int? ChosenOptionId { get; set; }

    /// <summary>The draft event created when the poll was finalised.</summary>
    public int? EventId { get; set; }

    public Event? Event { get; set; }

    public required string CreatedByUserId { get; set; }

    public string CreatedByName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }

    public DateTime? FinalisedUtc { get; set; }

    /// <summary>When the voters of the published event were sent their messages (so it happens once).</summary>
    public DateTime? PublishedNoticeUtc { get; set; }

    /// <summary>When names, emails and answers were deleted; counts then come from the options.</summary>
    public DateTime? PersonalDataDeletedUtc { get; set; }

    public List<PollOption> Options { get; set; } = [];

    public List<PollVoter> Voters { get; set; } = [];
}

internal sealed class PollConfiguration : IEntityTypeConfiguration<Poll>
{
    public void Configure(EntityTypeBuilder<Poll> builder)
    {
        builder.ToTable("Polls");
        builder.Property(p => p.Title).HasMaxLength(PollRules.MaxTitleLength);
        builder.Property(p => p.Description).HasMaxLength(PollRules.MaxDescriptionLength);
        builder.Property(p => p.Place).HasMaxLength(PollRules.MaxPlaceLength);
        builder.Property(p => p.TimeZoneId).HasMaxLength(64);
        builder.Property(p => p.PublicToken).HasMaxLength(64);
        builder.Property(p => p.CreatedByUserId).HasMaxLength(450);
        builder.Property(p => p.CreatedByName).HasMaxLength(200);
        builder.HasIndex(p => p.PublicToken).IsUnique();
        builder.HasIndex(p => p.EventId);
        builder.HasOne(p => p.Series).WithMany().HasForeignKey(p => p.SeriesId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Event).WithMany().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Voters).WithOne().HasForeignKey(v => v.PollId).OnDelete(DeleteBehavior.Cascade);
    }
}
