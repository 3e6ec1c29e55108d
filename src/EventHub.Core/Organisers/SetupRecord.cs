using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Organisers;

/// <summary>
/// The one row that says first-run setup has happened. Its key can only ever be 1, so of two setups racing (in one
/// process or on two app nodes) the database lets exactly one insert it, in the same transaction as its administrator.
/// </summary>
public sealed class SetupRecord
{
    public const int TheOnlyId = 1;

    public int Id { get; set; } = TheOnlyId;

    public required string AdministratorId { get; set; }

    public DateTime CompletedUtc { get; set; }
}

internal sealed class SetupRecordConfiguration : IEntityTypeConfiguration<SetupRecord>
{
    public void Configure(EntityTypeBuilder<SetupRecord> builder)
    {
        builder.ToTable("SiteSetup", t => t.HasCheckConstraint("CK_SiteSetup_Singleton", "\"Id\" = 1"));
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.AdministratorId).HasMaxLength(450);
    }
}
