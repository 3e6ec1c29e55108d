using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Bookings;

/// <summary>
/// Per-event booking rules. Kept in its own table (keyed by the event) so the events feature stays unaware
/// of booking; an event without a row uses the defaults.
/// </summary>
public sealed class BookingSettings
{
    public const int DefaultOfferWindowHours = 48;

    public int EventId { get; set; }

    public EligibilityMode Eligibility { get; set; }

    /// <summary>Allowed domains, one per line: "devon.gov.uk" (exact) or "*.gov.uk" (any subdomain).</summary>
    public string AllowedDomains { get; set; } = string.Empty;

    public OutsideDomainAction OutsideDomain { get; set; }

    /// <summary>
    /// Who the places are for, in the organisers' words ("Places are for people who work in the public sector in
    /// Devon"); empty means the eligibility rule's own wording (see <see cref="EligibilityNotice"/>).
    /// </summary>
    public string PlacesAreFor { get; set; } = string.Empty;

    public int OfferWindowHours { get; set; } = DefaultOfferWindowHours;

    /// <summary>Confirm the first person waiting straight away instead of offering them the place.</summary>
    public bool ConfirmFromWaitlist { get; set; }

    /// <summary>
    /// For high-demand events: a booking takes its place at once but keeps it only if the link in the email is opened
    /// and confirmed within <see cref="BookingOptions.HoldMinutes"/>, so a script booking invented addresses empties nothing.
    /// </summary>
    public bool HoldUntilEmailConfirmed { get; set; }

    /// <summary>
    /// When people with a priority link (poll voters, mailing list) may start booking, before booking opens to
    /// everyone (UTC). Null: they may book as soon as the event is published.
    /// </summary>
    public DateTime? PriorityOpensUtc { get; set; }

    /// <summary>The organiser's input for <see cref="PriorityOpensUtc"/>, as a wall-clock time in the event's zone. Not stored.</summary>
    public DateTime? PriorityOpensLocal { get; set; }

    public IReadOnlyList<string> AllowedDomainList =>
        AllowedDomains.Split(['\n', ',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static BookingSettings DefaultFor(int eventId) => new() { EventId = eventId };
}

internal sealed class BookingSettingsConfiguration : IEntityTypeConfiguration<BookingSettings>
{
    public void Configure(EntityTypeBuilder<BookingSettings> builder)
    {
        builder.ToTable("BookingSettings");
        builder.HasKey(s => s.EventId);
        builder.Property(s => s.EventId).ValueGeneratedNever();
        builder.Property(s => s.AllowedDomains).HasMaxLength(2000);
        builder.Property(s => s.PlacesAreFor).HasMaxLength(BookingRules.MaxPlacesAreForLength);
        builder.HasOne<Events.Event>().WithOne().HasForeignKey<BookingSettings>(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.AllowedDomainList);
        builder.Ignore(s => s.PriorityOpensLocal);
    }
}
