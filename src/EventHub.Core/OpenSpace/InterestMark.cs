using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.OpenSpace;

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
