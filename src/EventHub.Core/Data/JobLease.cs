using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

/// <summary>
/// One row per job (or per piece of a job, e.g. one bulk email): who holds it and until when. Taken by a conditional
/// update, so two nodes never hold it at once; see <see cref="JobLeases"/>.
/// </summary>
public sealed class JobLease
{
    public required string Job { get; set; }

    /// <summary>The last holder (node and a per-lease token), kept after release for the log of who ran what.</summary>
    public required string Holder { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("JobLeases");
        builder.HasKey(l => l.Job);
        builder.Property(l => l.Job).HasMaxLength(200);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}
