using EventHub.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Proceedings;

/// <summary>
/// The notes of one session, kept as five Markdown sections of a template. Edited through a private link
/// (<see cref="NotesLink"/>, kept as a hash) or by organisers; <see cref="Revision"/> goes up on every save.
/// </summary>
public sealed class SessionNotes
{
    public int SessionId { get; set; }

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

internal sealed class SessionNotesConfiguration : IEntityTypeConfiguration<SessionNotes>
{
    public void Configure(EntityTypeBuilder<SessionNotes> builder)
    {
        builder.ToTable("SessionNotes");
        builder.HasKey(n => n.SessionId);
        builder.Property(n => n.Convener).HasMaxLength(ProceedingsRules.MaxShortSection);
        builder.Property(n => n.Participants).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.KeyPoints).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.Actions).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.Links).HasMaxLength(ProceedingsRules.MaxSection);
        builder.Property(n => n.LastSavedBy).HasMaxLength(200);
        builder.HasOne<Session>().WithOne().HasForeignKey<SessionNotes>(n => n.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
