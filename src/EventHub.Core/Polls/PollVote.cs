using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

/// <summary>One voter's answer for one option.</summary>
public sealed class PollVote
{
    public int VoterId { get; set; }

    public int OptionId { get; set; }

    public PollAnswer Answer { get; set; }
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
