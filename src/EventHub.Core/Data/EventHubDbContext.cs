using EventHub.Core.Events;
using EventHub.Core.Organisers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EventHub.Core.Data;

/// <summary>
/// The one database. Each feature maps its entities with an <c>IEntityTypeConfiguration</c> beside the entity;
/// they are all picked up from this assembly. It also holds the data-protection key ring, so every app node reads the
/// same keys (sign-in cookies, antiforgery tokens and circuits work whichever node answers).
/// </summary>
public sealed class EventHubDbContext(DbContextOptions<EventHubDbContext> options) : IdentityDbContext<Organiser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<EventSeries> Series => Set<EventSeries>();

    public DbSet<Event> Events => Set<Event>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Session> Sessions => Set<Session>();

    /// <summary>Live messages waiting for this unit of work to commit (see <see cref="LiveOnCommit"/>).</summary>
    internal HashSet<Common.LiveMessage> PendingLive { get; } = [];

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(EventHubDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime in the model is UTC; SQLite forgets the Kind, so restore it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
