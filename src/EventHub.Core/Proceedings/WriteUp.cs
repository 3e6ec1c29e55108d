using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>A participant's write-up of a session: a short text or a link to their own post.</summary>
public sealed class WriteUp
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int SessionId { get; set; }

    public required string AuthorName { get; set; }

    public string Text { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public WriteUpStatus Status { get; set; }

    /// <summary>The author asked to be credited by name: their name stays in the record after the retention sweep.</summary>
    public bool CreditByName { get; set; }

    /// <summary>
    /// SHA-256 of the author's own link to their write-up (shown to them once, after sending it), from which they can
    /// withdraw their name; null for write-ups sent before there were such links.
    /// </summary>
    public string? LinkHash { get; set; }

    public DateTime CreatedUtc { get; set; }
}

internal sealed class WriteUpConfiguration : IEntityTypeConfiguration<WriteUp>
{
    public void Configure(EntityTypeBuilder<WriteUp> builder)
    {
        builder.ToTable("WriteUps");
        builder.Property(w => w.AuthorName).HasMaxLength(200);
        builder.Property(w => w.Text).HasMaxLength(ProceedingsRules.MaxWriteUpLength);
        builder.Property(w => w.Url).HasMaxLength(ProceedingsRules.MaxUrlLength);
        builder.HasIndex(w => new { w.EventId, w.Status });
        builder.HasIndex(w => w.SessionId);
        builder.Property(w => w.LinkHash).HasMaxLength(64);
        builder.HasIndex(w => w.LinkHash).IsUnique();
        builder.HasOne<Session>().WithMany().HasForeignKey(w => w.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(w => w.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
