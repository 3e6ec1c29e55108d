using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

public enum PollStatus
{
    Open = 0,
    Finalised = 1,
}

public enum PollAnswer
{
    No = 0,
    IfNeedBe = 1,
    Yes = 2,
}

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

/// <summary>One candidate date and time.</summary>
public sealed class PollOption
{
    public int Id { get; set; }

    public int PollId { get; set; }

    public DateTime StartUtc { get; set; }

    public DateTime EndUtc { get; set; }

    /// <summary>Counts kept when personal data is deleted (zero until then).</summary>
    public int KeptYesCount { get; set; }

    public int KeptIfNeedBeCount { get; set; }

    public int KeptNoCount { get; set; }
}

/// <summary>A person who answered. Personal data: deleted by retention.</summary>
public sealed class PollVoter
{
    public int Id { get; set; }

    public int PollId { get; set; }

    public required string Name { get; set; }

    public string? Email { get; set; }

    /// <summary>The private change-your-answers link token: /polls/answers/{EditToken}.</summary>
    public required string EditToken { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<PollVote> Answers { get; set; } = [];
}

/// <summary>One voter's answer for one option.</summary>
public sealed class PollVote
{
    public int VoterId { get; set; }

    public int OptionId { get; set; }

    public PollAnswer Answer { get; set; }
}

/// <summary>A priority booking token for a Yes / If need be voter of a finalised poll whose event is published.</summary>
public sealed class PollPriorityToken
{
    public int Id { get; set; }

    public int PollId { get; set; }

    public int EventId { get; set; }

    public int? VoterId { get; set; }

    public required string Token { get; set; }

    public DateTime CreatedUtc { get; set; }
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

internal sealed class PollOptionConfiguration : IEntityTypeConfiguration<PollOption>
{
    public void Configure(EntityTypeBuilder<PollOption> builder)
    {
        builder.ToTable("PollOptions");
        builder.HasIndex(o => new { o.PollId, o.StartUtc });
    }
}

internal sealed class PollVoterConfiguration : IEntityTypeConfiguration<PollVoter>
{
    public void Configure(EntityTypeBuilder<PollVoter> builder)
    {
        builder.ToTable("PollVoters");
        builder.Property(v => v.Name).HasMaxLength(PollRules.MaxNameLength);
        builder.Property(v => v.Email).HasMaxLength(Common.EmailAddresses.MaxLength);
        builder.Property(v => v.EditToken).HasMaxLength(64);
        builder.HasIndex(v => v.EditToken).IsUnique();
        builder.HasIndex(v => v.PollId);
        builder.HasMany(v => v.Answers).WithOne().HasForeignKey(a => a.VoterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollVoteConfiguration : IEntityTypeConfiguration<PollVote>
{
    public void Configure(EntityTypeBuilder<PollVote> builder)
    {
        builder.ToTable("PollVotes");
        builder.HasKey(a => new { a.VoterId, a.OptionId });
        builder.HasOne<PollOption>().WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PollPriorityTokenConfiguration : IEntityTypeConfiguration<PollPriorityToken>
{
    public void Configure(EntityTypeBuilder<PollPriorityToken> builder)
    {
        builder.ToTable("PollPriorityTokens");
        builder.Property(t => t.Token).HasMaxLength(64);
        builder.HasIndex(t => t.Token).IsUnique();
        builder.HasIndex(t => new { t.EventId, t.VoterId }).IsUnique();
        builder.HasOne<Poll>().WithMany().HasForeignKey(t => t.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PollVoter>().WithMany().HasForeignKey(t => t.VoterId).OnDelete(DeleteBehavior.SetNull);
    }
}
