using System.Globalization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Email;

/// <summary>
/// The calendar SEQUENCE of an event's invite. Calendars only replace an invite they already hold when the new one
/// has the same UID and a higher SEQUENCE, so this goes up whenever what the invite says (title, time, place, status)
/// changes. Kept by the Email feature so the Events feature need not know about calendars.
/// </summary>
public sealed class IcsSequence
{
    public int EventId { get; set; }

    public int Sequence { get; set; }

    /// <summary>What the last invite said, to notice a change.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public static string FingerprintOf(EmailEvent evt) => string.Join(
        '|',
        evt.Title,
        evt.StartUtc.ToString("O", CultureInfo.InvariantCulture),
        evt.EndUtc.ToString("O", CultureInfo.InvariantCulture),
        evt.TimeZoneId,
        evt.VenueName,
        evt.VenueAddress,
        evt.OnlineUrl,
        evt.Status);

    /// <summary>The sequence to put in an invite for the event as it is now, raising it if the event changed.</summary>
    public static async Task<int> CurrentAsync(EventHubDbContext db, EmailEvent evt, CancellationToken ct)
    {
        var fingerprint = FingerprintOf(evt);
        for (var attempt = 0; ; attempt++)
        {
            var row = await db.Set<IcsSequence>().FirstOrDefaultAsync(s => s.EventId == evt.Id, ct);
            if (row is not null && row.Fingerprint == fingerprint)
            {
                return row.Sequence;
            }

            if (row is null)
            {
                row = new IcsSequence { EventId = evt.Id, Sequence = 0, Fingerprint = fingerprint };
                db.Set<IcsSequence>().Add(row);
            }
            else
            {
                row.Sequence++;
                row.Fingerprint = fingerprint;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return row.Sequence;
            }
            catch (DbUpdateException ex) when (attempt < 3 && DbErrors.IsUniqueViolation(ex))
            {
                // Another worker (perhaps on another node) recorded it first: forget only this attempt and read theirs.
                // Clearing the whole tracker would also drop the caller's claimed outbox batch, whose "sent" marks
                // would then never be saved, and the messages would go out again when their claim lapsed.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}

internal sealed class IcsSequenceConfiguration : IEntityTypeConfiguration<IcsSequence>
{
    public void Configure(EntityTypeBuilder<IcsSequence> builder)
    {
        builder.ToTable("IcsSequences");
        builder.HasKey(s => s.EventId);
        builder.Property(s => s.EventId).ValueGeneratedNever();
        builder.Property(s => s.Fingerprint).HasMaxLength(2000);
    }
}
