using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Polls;

/// <summary>
/// A link mailed to a poll voter to confirm a pending vote (<see cref="PollLinks.Confirm"/>). Only the SHA-256 of its
/// token is kept; it goes once used, with the voter (erasure, retention), or when it expires unconfirmed.
/// </summary>
public sealed class PollLink : Common.HashedLink
{
    public int VoterId { get; set; }

    public PollVoter? Voter { get; set; }
}

internal sealed class PollLinkConfiguration : IEntityTypeConfiguration<PollLink>
{
    public void Configure(EntityTypeBuilder<PollLink> builder)
    {
        Common.HashedLink.Configure(builder, "PollLinks", purposeLength: 32);
        builder.HasIndex(l => l.VoterId);
        builder.HasOne(l => l.Voter).WithMany().HasForeignKey(l => l.VoterId).OnDelete(DeleteBehavior.Cascade);
    }
}
