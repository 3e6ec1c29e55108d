using System.Runtime.CompilerServices;
using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.FollowUps;
using EventHub.Core.Invitations;
using EventHub.Core.MailingLists;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Privacy;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Tests.Privacy;

/// <summary>
/// Every feature wired as the app wires it, on a real database whose data folder also holds the mail pickup folder,
/// with one published event in two days' time and a session; and a scanner that reads every file's bytes.
/// </summary>
public sealed class PrivacyKit : IAsyncDisposable
{
    private PrivacyKit(CoreServices services) => Services = services;

    public CoreServices Services { get; }

    public TestDatabase Database => Services.Database;

    public int EventId { get; private set; }

    public string EventSlug { get; private set; } = string.Empty;

    public int SessionId { get; private set; }

    public DateTime EventEndUtc { get; private set; }

    public T Get<T>()
        where T : notnull => Services.Get<T>();

    /// <summary>Mail goes to the pickup folder, or over SMTP to <paramref name="smtpPort"/> on this machine when given.</summary>
    public static async Task<PrivacyKit> CreateAsync(int capacity = 50, int? smtpPort = null)
    {
        // The options are read when first used, after the database (and so its folder) exists.
        var folder = new StrongBox<string>();
        var services = await CoreServices.CreateAsync(configure: s =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["EventHub:Email:PublicBaseUrl"] = "https://events.devon.example",
                ["EventHub:Email:Host"] = smtpPort is null ? null : "127.0.0.1",
                ["EventHub:Email:Port"] = smtpPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }).Build();
            s.AddBookings().AddCheckIn().AddEmail(configuration).AddFollowUps().AddMailingLists().AddPolls()
                .AddOpenSpace().AddProceedings().AddPrivacy().AddInvitations();
            s.PostConfigure<EmailOptions>(o => o.PickupFolder = Path.Combine(folder.Value!, "mail-pickup"));
        });
        folder.Value = services.Database.Folder;
        var kit = new PrivacyKit(services);
        await kit.AddEventAsync(capacity);
        return kit;
    }

    public async Task AddEventAsync(int capacity)
    {
        var now = Services.Clock.GetUtcNow().UtcDateTime;
        await using var db = Database.CreateDbContext();
        EventSlug = "retention-" + Guid.NewGuid().ToString("N")[..8];
        var ev = new Event
        {
            Title = "Retention Forum", Slug = EventSlug, Status = EventStatus.Published, Capacity = capacity,
            StartUtc = now.AddDays(2), EndUtc = now.AddDays(2).AddHours(6), BookingOpensUtc = now.AddDays(-10), CreatedUtc = now, UpdatedUtc = now,
        };
        db.Add(ev);
        await db.SaveChangesAsync();
        var session = new Session { EventId = ev.Id, Title = "Open data", StartUtc = ev.StartUtc.AddHours(1), EndUtc = ev.StartUtc.AddHours(2) };
        db.Add(session);
        await db.SaveChangesAsync();
        (EventId, SessionId, EventEndUtc) = (ev.Id, session.Id, ev.EndUtc);
        await Teams.JoinEventAsync(Database, Actors.Organiser, ev.Id, TeamRole.Owner, canSeeNeeds: true);
    }

    /// <summary>Runs delivery passes until nothing due is left, so every message has its .eml copy.</summary>
    public async Task DeliverMailAsync()
    {
        var delivery = Get<OutboxDelivery>();
        for (var i = 0; i < 20 && (await delivery.DeliverDueAsync()).Claimed > 0; i++)
        {
        }
    }

    public async Task<Booking> BookingAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<Booking>().AsNoTracking().Include(b => b.Answers).FirstAsync(b => b.Id == id);
    }

    /// <summary>Every file under the data folder holding one of <paramref name="needles"/> (see <see cref="TestDatabase.FilesHoldingAsync"/>).</summary>
    public Task<IReadOnlyList<string>> FilesHoldingAsync(params string[] needles) => Database.FilesHoldingAsync(needles);

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
