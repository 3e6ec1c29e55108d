using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

/// <summary>
/// A priority booking link for a Yes / If need be voter of a finalised poll whose event is published. Only the SHA-256
/// of its token is kept (as for <see cref="Common.HashedLink"/>), so a copy of the database holds no working link.
/// </summary>
public sealed class PollPriorityToken
{
    public int Id { get; set; }

    public int PollId { get; set; }

    public int EventId { get; set; }

    public int? VoterId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token (<see cref="Common.SecureTokens.Hash"/>); the token itself is only mailed.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class PollPriorityTokenConfiguration : IEntityTypeConfiguration<PollPriorityToken>
{
    public void Configure(EntityTypeBuilder<PollPriorityToken> builder)
    {
        builder.ToTable("PollPriorityTokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => new { t.EventId, t.VoterId }).IsUnique();
        builder.HasOne<Poll>().WithMany().HasForeignKey(t => t.PollId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PollVoter>().WithMany().HasForeignKey(t => t.VoterId).OnDelete(DeleteBehavior.SetNull);
    }
}
