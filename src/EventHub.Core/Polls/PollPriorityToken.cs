using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

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
