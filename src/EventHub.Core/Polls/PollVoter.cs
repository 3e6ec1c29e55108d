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

    /// <summary>
    /// SHA-256 of the private change-your-answers link's token (/polls/answers/{token}). The token itself is shown once
    /// after voting and mailed in the receipt; it is never stored. Retention deletes the voter, and the link with it.
    /// </summary>
    public required string EditTokenHash { get; set; }

    /// <summary>
    /// Waiting for its confirm link (<see cref="Poll.ConfirmVotesByEmail"/>): not counted and not shown. Still personal
    /// data: subject access lists it, erasure deletes it, and the sweep deletes it once its link has expired.
    /// </summary>
    public bool Pending { get; set; }

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
        builder.Property(v => v.EditTokenHash).HasMaxLength(64);
        builder.HasIndex(v => v.EditTokenHash).IsUnique();
        builder.HasIndex(v => new { v.PollId, v.Email });
        builder.HasMany(v => v.Answers).WithOne().HasForeignKey(a => a.VoterId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The voters a poll counts and shows: every one but those still waiting for their confirm link.</summary>
internal static class PollVoterQueries
{
    public static IQueryable<PollVoter> Counted(this IQueryable<PollVoter> voters) => voters.Where(v => !v.Pending);
}
