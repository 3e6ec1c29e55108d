using EventHub.Core.Bookings;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Invitations;
using EventHub.Core.FollowUps;
using EventHub.Core.MailingLists;
using EventHub.Core.OpenSpace;
using EventHub.Core.Polls;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventHub.Core.Tests.Email;

/// <summary>A real database, a fake clock and an <see cref="OutboxDelivery"/> pointed at a real SMTP listener (or the pickup folder).</summary>
public sealed class EmailRig : IAsyncDisposable
{
    private EmailRig(TestDatabase database, FakeTimeProvider clock, EmailOptions options)
    {
        Database = database;
        Clock = clock;
        Options = options;
        Templates = EveryTemplate();
        Delivery = new OutboxDelivery(database, Templates, new EmailEventSource(), Microsoft.Extensions.Options.Options.Create(options), clock, NullLogger<OutboxDelivery>.Instance);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public EmailOptions Options { get; }

    public EmailTemplateRegistry Templates { get; }

    public OutboxDelivery Delivery { get; }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Delivery of a kit's outbox, with every template, to a real SMTP listener.</summary>
    public static OutboxDelivery DeliveryTo(SmtpListener smtp, TestDatabase database, FakeTimeProvider clock, string? publicBaseUrl = null, string replyTo = "")
    {
        var options = new EmailOptions { Host = "127.0.0.1", Port = smtp.Port, ReplyToAddress = replyTo };
        options.PublicBaseUrl = publicBaseUrl ?? options.PublicBaseUrl;
        return new(database, EveryTemplate(), new EmailEventSource(), Microsoft.Extensions.Options.Options.Create(options), clock, NullLogger<OutboxDelivery>.Instance);
    }

    /// <summary>The templates of every feature, each registered by its own feature's Add method as the app does.</summary>
    public static EmailTemplateRegistry EveryTemplate() => new ServiceCollection()
        .AddBookings().AddFollowUps().AddMailingLists().AddPolls().AddOpenSpace().AddProceedings().AddInvitations()
        .BuildServiceProvider().GetRequiredService<EmailTemplateRegistry>();

    /// <summary>port null: no SMTP host, so mail goes to the pickup folder.</summary>
    public static async Task<EmailRig> CreateAsync(int? smtpPort, Action<EmailOptions>? configure = null)
    {
        var database = await TestDatabase.CreateAsync();
        var options = new EmailOptions
        {
            Host = smtpPort is null ? string.Empty : "127.0.0.1",
            Port = smtpPort ?? 25,
            FromAddress = "events@devon.example",
            FromName = "Devon Events",
            ReplyToAddress = "organisers@devon.example",
            ReplyToName = "Devon organisers",
            PublicBaseUrl = "https://events.devon.example",
            PickupFolder = Path.Combine(database.Folder, "mail-pickup"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return new EmailRig(database, Support.Clock.At(), options);
    }

    /// <summary>A published event on Thursday 3 December 2026, 9:30am to 4pm London time (GMT = UTC).</summary>
    public async Task<Event> AddEventAsync(string title = "Social Media Forum: winter", string timeZoneId = "Europe/London")
    {
        await using var db = Database.CreateDbContext();
        var evt = new Event
        {
            Title = title,
            Slug = EventHub.Core.Common.Slugs.FromTitle(title) + "-" + Guid.NewGuid().ToString("N")[..6],
            Summary = "A forum for people who use social media in the public sector.",
            VenueName = "County Hall",
            VenueAddress = "Topsham Road\nExeter EX2 4QD",
            TimeZoneId = timeZoneId,
            StartUtc = new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc),
            Capacity = 100,
            Status = EventStatus.Published,
            CreatedUtc = Now,
            UpdatedUtc = Now,
        };
        db.Events.Add(evt);
        await db.SaveChangesAsync();
        return evt;
    }

    public async Task<OutboxMessage> EnqueueAsync(string template, object payload, int? eventId, string to = "ann@devon.example", string name = "Ann Attendee")
    {
        await using var db = Database.CreateDbContext();
        var message = Outbox.Enqueue(db, template, to, name, payload, Now, eventId);
        await db.SaveChangesAsync();
        return message;
    }

    public static BookingMessagePayload Booking(string code = "CHK-7Q2M-XK4P") => new()
    {
        BookingReference = "EH-4821",
        ManageToken = "manage-token-abcdefghijklmnop",
        AttendeeName = "Ann Attendee",
        CheckInCode = code,
        TicketTypeName = "General admission",
        WaitlistPosition = 3,
        OfferExpiresUtc = new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc),
        Reason = "The venue flooded",
    };

    public async Task<OutboxMessage> ReloadAsync(long id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Set<OutboxMessage>().FindAsync(id) ?? throw new InvalidOperationException("gone");
    }

    /// <summary>Runs delivery passes until nothing due is left (the clock does not move).</summary>
    public async Task DeliverAllDueAsync()
    {
        for (var i = 0; i < 100 && (await Delivery.DeliverDueAsync()).Claimed > 0; i++)
        {
        }
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
