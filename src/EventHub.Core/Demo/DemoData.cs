using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Events;
using EventHub.Core.Events.Access;
using EventHub.Core.Organisers;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Demo;

/// <summary>
/// Fills an empty database with a small, believable data set for trying EventHub out. Only ever called in the
/// Development environment (see Program.cs).
/// </summary>
public sealed class DemoData(IDbContextFactory<EventHubDbContext> dbFactory, FirstRunSetup setup, OrganiserAccounts accounts, TeamService teams, EventService events, AgendaService agenda, SeriesService series, TimeProvider clock)
{
    public const string OrganiserEmail = "organiser@example.org";
    public const string OrganiserPassword = "Demo-organiser-1";

    /// <summary>A door volunteer: Door on the upcoming forum edition only, so the difference a role makes is visible.</summary>
    public const string DoorEmail = "door@example.org";
    public const string DoorPassword = "Demo-door-volunteer-1";

    /// <summary>Returns true when it seeded; false when the database already had data.</summary>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Events.AnyAsync(ct) || await db.Users.AnyAsync(ct))
            {
                return false;
            }
        }

        // Seeding runs inside the app, which holds its own setup code.
        var created = await setup.CreateFirstAdministratorAsync(new OrganiserInput("Demo Organiser", OrganiserEmail, OrganiserPassword, true), setup.SetupCode, ct);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Demo organiser could not be created: " + string.Join("; ", created.Errors.Select(e => e.Message)));
        }

        // The demo administrator creates everything, so they own it and see it first as "my events".
        var actor = Actor.Organiser(created.Value!.Id, created.Value.DisplayName, isAdministrator: true);
        var forum = Must(await series.CreateAsync(actor, new SeriesInput
        {
            Name = "Social Media Forum",
            Slug = "social-media-forum",
            Description = "A quarterly forum for **people who work in the public sector in Devon** and use social media to talk with residents. Free to attend; places are limited.",
        }, ct));

        var today = EventTime.ToLocal(clock.GetUtcNow().UtcDateTime, EventTime.DefaultTimeZoneId).Date;
        await ForumEditionAsync(actor, forum.Id, "Social Media Forum: spring", today.AddDays(-240), EventStatus.Completed, ct);
        await ForumEditionAsync(actor, forum.Id, "Social Media Forum: summer", today.AddDays(-150), EventStatus.Completed, ct);
        var winter = await ForumEditionAsync(actor, forum.Id, "Social Media Forum: winter", today.AddDays(21), EventStatus.Published, ct);
        Must(await accounts.AddOrganiserAsync(actor, new OrganiserInput("Dee Door", DoorEmail, DoorPassword, false)));
        Must(await teams.AddAsync(actor, TeamScope.ForEvent(winter), new TeamMemberInput(DoorEmail, TeamRole.Door, false), ct));
        await ForDevonPublicSectorAsync(winter, ct);
        await OpenSpaceAsync(actor, today.AddDays(35), ct);
        return true;
    }

    /// <summary>The forum's rule: work addresses at Devon County Council or its subdomains; others may ask for approval.</summary>
    private async Task ForDevonPublicSectorAsync(int eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(new Bookings.BookingSettings
        {
            EventId = eventId,
            Eligibility = Bookings.EligibilityMode.AllowedDomains,
            AllowedDomains = "devon.gov.uk\n*.devon.gov.uk",
            OutsideDomain = Bookings.OutsideDomainAction.RequestApproval,
        });
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> ForumEditionAsync(Actor actor, int seriesId, string title, DateTime day, EventStatus status, CancellationToken ct)
    {
        var ev = Must(await events.CreateAsync(actor, new EventInput
        {
            SeriesId = seriesId,
            Title = title,
            Summary = "Practical talks and open discussion on running public-sector social media channels.\n\n- Crisis comms on social\n- Accessibility of images and video\n- Measuring what matters",
            Kind = EventKind.Forum,
            VenueName = "County Hall",
            VenueAddress = "Topsham Road, Exeter EX2 4QD",
            StartLocal = day.AddHours(9).AddMinutes(30),
            EndLocal = day.AddHours(16),
            Capacity = 80,
            BookingOpensLocal = day.AddDays(-42).AddHours(9),
            BookingClosesLocal = day.AddDays(-1).AddHours(17),
        }, ct));

        var main = Must(await agenda.SaveRoomAsync(actor, ev.Id, null, new RoomInput { Name = "Committee Suite", Capacity = 80, AccessibilityNotes = "Step-free access, hearing loop" }, ct));
        var side = Must(await agenda.SaveRoomAsync(actor, ev.Id, null, new RoomInput { Name = "Training Room 2", Capacity = 25, AccessibilityNotes = "Step-free access" }, ct));
        await Session(ev.Id, main.Id, "Welcome and introductions", "Forum chair", day, 9, 30, 10, 0);
        await Session(ev.Id, main.Id, "When things go wrong: crisis comms on social", "Comms team, Devon County Council", day, 10, 0, 11, 0);
        await Session(ev.Id, side.Id, "Workshop: alt text that works", "Digital accessibility lead", day, 10, 0, 11, 0, capacity: 20);
        await Session(ev.Id, main.Id, "Measuring what matters", "Insight team", day, 11, 15, 12, 15);
        await Session(ev.Id, main.Id, "Open discussion and close", "Everyone", day, 14, 0, 16, 0);
        Must(await events.SetStatusAsync(actor, ev.Id, status, ct));
        return ev.Id;

        async Task Session(int eventId, int roomId, string t, string speakers, DateTime d, int h1, int m1, int h2, int m2, int? capacity = null) =>
            Must(await agenda.SaveSessionAsync(actor, eventId, null, new SessionInput
            {
                Title = t,
                Speakers = speakers,
                RoomId = roomId,
                StartLocal = d.AddHours(h1).AddMinutes(m1),
                EndLocal = d.AddHours(h2).AddMinutes(m2),
                Capacity = capacity,
            }, ct));
    }

    private async Task OpenSpaceAsync(Actor actor, DateTime day, CancellationToken ct)
    {
        var ev = Must(await events.CreateAsync(actor, new EventInput
        {
            Title = "LocalGov Open Space Devon",
            Summary = "An unconference: bring a question, pitch a session in the morning, and make the agenda together.",
            Kind = EventKind.OpenSpace,
            VenueName = "Exeter Library",
            VenueAddress = "Castle Street, Exeter EX4 3PQ",
            StartLocal = day.AddHours(9),
            EndLocal = day.AddHours(16).AddMinutes(30),
            Capacity = 120,
            BookingOpensLocal = day.AddDays(-60),
            BookingClosesLocal = day.AddDays(-1),
        }, ct));
        var rooms = new List<Room>();
        foreach (var (name, cap) in new[] { ("Main hall", 120), ("Room A", 30), ("Room B", 30), ("Garden room", 15) })
        {
            rooms.Add(Must(await agenda.SaveRoomAsync(actor, ev.Id, null, new RoomInput { Name = name, Capacity = cap, AccessibilityNotes = "Step-free access" }, ct)));
        }

        Must(await agenda.SaveSessionAsync(actor, ev.Id, null, new SessionInput
        {
            Title = "Opening circle and pitches",
            RoomId = rooms[0].Id,
            StartLocal = day.AddHours(9),
            EndLocal = day.AddHours(10),
        }, ct));
        Must(await agenda.SaveSessionAsync(actor, ev.Id, null, new SessionInput
        {
            Title = "Closing circle",
            RoomId = rooms[0].Id,
            StartLocal = day.AddHours(15).AddMinutes(45),
            EndLocal = day.AddHours(16).AddMinutes(30),
        }, ct));
        Must(await events.SetStatusAsync(actor, ev.Id, EventStatus.Published, ct));
    }

    private static T Must<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value! : throw new InvalidOperationException("Demo data is invalid: " + string.Join("; ", outcome.Errors.Select(e => e.Field + ": " + e.Message)));
}
