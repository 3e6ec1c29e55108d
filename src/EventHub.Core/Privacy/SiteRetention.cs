using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Privacy;

/// <summary>
/// The site's retention defaults as an administrator set them: one row (its key can only be 1), absent until first
/// set, when the configured <see cref="PrivacyOptions"/> apply.
/// </summary>
public sealed class SiteRetention
{
    public const int TheOnlyId = 1;

    public int Id { get; set; } = TheOnlyId;

    public int PersonalDataMonths { get; set; }

    public int NeedsDays { get; set; }

    public DateTime ChangedUtc { get; set; }
}

internal sealed class SiteRetentionConfiguration : IEntityTypeConfiguration<SiteRetention>
{
    public void Configure(EntityTypeBuilder<SiteRetention> builder)
    {
        builder.ToTable("SiteRetention", t => t.HasCheckConstraint("CK_SiteRetention_Singleton", "\"Id\" = 1"));
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
