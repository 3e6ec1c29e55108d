using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>
/// The notes of one session, kept as five Markdown sections of a template. Edited through a private link
/// (<see cref="EditToken"/>) or by organisers; <see cref="Revision"/> goes up on every save.
/// </summary>
public sealed class SessionNotes
{
    public int SessionId { get; set; }

    public required string EditToken { get; set; }

    public string Convener { get; set; } = string.Empty;

    /// <summary>Who took part: names only, and only of people who agreed to be named.</summary>
    public string Participants { get; set; } = string.Empty;

    public string KeyPoints { get; set; } = string.Empty;

    public string Actions { get; set; } = string.Empty;

    public string Links { get; set; } = string.Empty;

    /// <summary>The convener asked for their name to be left out of the proceedings.</summary>
    public bool HideConvenerName { get; set; }

    public int Revision { get; set; }

    public DateTime? LastSavedUtc { get; set; }

    public string LastSavedBy { get; set; } = string.Empty;
}

public enum MaterialKind
{
    File = 0,
    Link = 1,
}

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

    public string AddedBy { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; }
}

public enum WriteUpStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

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

    public DateTime CreatedUtc { get; set; }
}

/// <summary>Per-event choices for the record of the day.</summary>
public sealed class ProceedingsSettings
{
    public const long DefaultMaxUploadBytes = 25L * 1024 * 1024;

    public int EventId { get; set; }

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>Write-ups appear at once instead of waiting for an organiser.</summary>
    public bool TrustContributors { get; set; }

    public bool IsPublished { get; set; }

    public DateTime? PublishedUtc { get; set; }
}

internal sealed class SessionNotesConfiguration : IEntityTypeConfiguration<SessionNotes>
{
    public void Configure(EntityTypeBuilder<SessionNotes> builder)
    {
        builder.ToTable("SessionNotes");
        builder.HasKey(n => n.SessionId);
        builder.Property(n => n.EditToken).HasMaxLength(64);
        builder.HasIndex(n => n.EditToken).IsUnique();
        builder.Property(n => n.Convener).HasMaxLength(ProceedingsRules.MaxShortSection);
        builder.Property(n => n.Participants).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.KeyPoints).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.Actions).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.Links).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.LastSavedBy).HasMaxLength(200);
        builder.HasOne<Session>().WithOne().HasForeignKey<SessionNotes>(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
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
        builder.HasOne<Session>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
    }
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
        builder.HasOne<Session>().WithMany().HasForeignKey(w => w.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Event>().WithMany().HasForeignKey(w => w.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProceedingsSettingsConfiguration : IEntityTypeConfiguration<ProceedingsSettings>
{
    public void Configure(EntityTypeBuilder<ProceedingsSettings> builder)
    {
        builder.ToTable("ProceedingsSettings");
        builder.HasKey(s => s.EventId);
        builder.HasOne<Event>().WithOne().HasForeignKey<ProceedingsSettings>(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
