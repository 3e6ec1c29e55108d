using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

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
