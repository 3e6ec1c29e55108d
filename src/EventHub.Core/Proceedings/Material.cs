using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>Slides, files or links attached to a session.</summary>
public sealed class Material
{
    public int Id { get; set; }

    public int EventId { get; set; }

    public int SessionId { get; set; }

    public MaterialKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>For links only.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Random name of the file under the materials folder; never derived from what was uploaded.</summary>
    public string StoredName { get; set; } = string.Empty;

    /// <summary>The uploaded name, sanitised, offered as the download name.</summary>
    public string OriginalName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public bool IsHidden { get; set; }

    /// <summary>Added through a notes link while the event asks for approval: shown only to the team until approved.</summary>
    public bool AwaitingApproval { get; set; }

    /// <summary>The notes link it came through (for that link's quota); null when an organiser added it or the link was reissued.</summary>
    public long? NotesLinkId { get; set; }

    public string AddedBy { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }
}

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> builder)
    {
        builder.ToTable("Materials");
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Url).HasMaxLength(ProceedingsRules.MaxUrlLength);
        builder.Property(m => m.StoredName).HasMaxLength(64);
        builder.Property(m => m.OriginalName).HasMaxLength(ProceedingsRules.MaxFileNameLength);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.AddedBy).HasMaxLength(200);
        builder.HasIndex(m => m.SessionId);
        builder.HasIndex(m => m.EventId);
        builder.HasIndex(m => m.NotesLinkId);
        builder.HasOne<NotesLink>().WithMany().HasForeignKey(m => m.NotesLinkId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
