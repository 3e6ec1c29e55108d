using EventHub.Core.Organisers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Events.Access;

/// <summary>
/// One organiser's place on the team of one event, or of one series (then it applies to every edition).
/// Exactly one of <see cref="EventId"/> and <see cref="SeriesId"/> is set.
/// </summary>
public sealed class TeamMember
{
    public int Id { get; set; }

    public int? EventId { get; set; }

    public Event? Event { get; set; }

    public int? SeriesId { get; set; }

    public EventSeries? Series { get; set; }

    public required string OrganiserId { get; set; }

    public TeamRole Role { get; set; }

    /// <summary>May see access and dietary needs; off unless an owner turns it on for this person.</summary>
    public bool CanSeeNeeds { get; set; }

    public DateTime AddedUtc { get; set; }
}

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("TeamMembers");
        builder.Property(m => m.OrganiserId).HasMaxLength(450);
        builder.HasIndex(m => new { m.EventId, m.OrganiserId }).IsUnique().HasFilter("\"EventId\" IS NOT NULL");
        builder.HasIndex(m => new { m.SeriesId, m.OrganiserId }).IsUnique().HasFilter("\"SeriesId\" IS NOT NULL");
        builder.HasIndex(m => m.OrganiserId);
        builder.HasOne(m => m.Event).WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Series).WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organiser>().WithMany().HasForeignKey(m => m.OrganiserId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_TeamMembers_EventOrSeries",
            "(\"EventId\" IS NULL) <> (\"SeriesId\" IS NULL)"));
    }
}
