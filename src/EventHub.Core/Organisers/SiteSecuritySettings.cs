using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Organisers;

/// <summary>The site's sign-in rules that administrators set: one row (its key can only be 1), absent until first set.</summary>
public sealed class SiteSecuritySettings
{
    public const int TheOnlyId = 1;

    public int Id { get; set; } = TheOnlyId;

    /// <summary>Every organiser must have two-step sign-in on; one without it can do nothing but turn it on.</summary>
    public bool RequireTwoStep { get; set; }

    /// <summary>
    /// Organisers sign in only through single sign-on: password sign-in is refused for everyone but administrators, so
    /// a broken provider never locks the site (see <see cref="ActiveOrganiserConfirmation"/>).
    /// </summary>
    public bool RequireSingleSignOn { get; set; }

    public DateTime ChangedUtc { get; set; }
}

internal sealed class SiteSecuritySettingsConfiguration : IEntityTypeConfiguration<SiteSecuritySettings>
{
    public void Configure(EntityTypeBuilder<SiteSecuritySettings> builder)
    {
        builder.ToTable("SiteSecurity", t => t.HasCheckConstraint("CK_SiteSecurity_Singleton", "\"Id\" = 1"));
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
