using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Privacy;

/// <summary>
/// Retention periods set for one event or for one series (exactly one of the two). A blank period falls back:
/// the event's own, then its series', then the site default (<see cref="PrivacyOptions"/>).
/// </summary>
public sealed class RetentionSetting
{
    public int Id { get; set; }

    public int? EventId { get; set; }

    public int? SeriesId { get; set; }

    /// <summary>Months after the event that names, emails, answers and the rest of a person's details are kept.</summary>
    public int? PersonalDataMonths { get; set; }

    /// <summary>Days after the event that access and dietary needs are kept.</summary>
    public int? NeedsDays { get; set; }
}

internal sealed class RetentionSettingConfiguration : IEntityTypeConfiguration<RetentionSetting>
{
    public void Configure(EntityTypeBuilder<RetentionSetting> builder)
    {
        builder.ToTable("RetentionSettings", t =>
            t.HasCheckConstraint("CK_RetentionSettings_OneOwner", "(\"EventId\" IS NULL) <> (\"SeriesId\" IS NULL)"));
        builder.HasIndex(r => r.EventId).IsUnique();
        builder.HasIndex(r => r.SeriesId).IsUnique();
        builder.HasOne<Events.Event>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Events.EventSeries>().WithMany().HasForeignKey(r => r.SeriesId).OnDelete(DeleteBehavior.Cascade);
    }
}
