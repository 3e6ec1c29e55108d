using EventHub.Core.OpenSpace;
using EventHub.Core.Tests.Email;

namespace EventHub.Core.Tests.OpenSpace;

public sealed class OpenSpaceTemplateTests
{
    [Fact]
    public async Task Every_open_space_message_has_a_registered_template()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);

        string[] names = [OpenSpaceEmailTemplates.SessionMoved, OpenSpaceEmailTemplates.SessionMerged, OpenSpaceEmailTemplates.NotesLink, OpenSpaceEmailTemplates.ConvenerSessionMoved];
        foreach (var name in names)
        {
            rig.Templates.Names.ShouldContain(name);
        }
    }

    [Fact]
    public async Task A_moved_session_says_where_it_was_and_where_it_is_now_in_the_event_zone()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync(timeZoneId: "America/New_York");
        var payload = MovedFromRoomAToMainHall("Bots & <trolls>", "Ann Attendee", fromHourUtc: 15, toHourUtc: 17);

        var mail = await DeliveredMail.DeliverAsync(rig, OpenSpaceEmailTemplates.SessionMoved, payload, ev.Id);

        mail.Subject.ShouldBe("Moved: Bots & <trolls>");
        mail.TextBody!.ShouldContain("Was in: Room A");
        mail.TextBody!.ShouldContain("Was at: Thursday 3 December 2026, 10am UTC-05:00");
        mail.TextBody!.ShouldContain("Now in: Main hall");
        mail.TextBody!.ShouldContain("Now: Thursday 3 December 2026, 12 noon to 1pm UTC-05:00");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}/board");
        mail.HtmlBody!.ShouldContain("Bots &amp; &lt;trolls&gt;");
        mail.HtmlBody!.ShouldNotContain("<trolls>");
        mail.HtmlBody!.ShouldContain("12 noon to 1pm UTC-05:00");
        DeliveredMail.ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
    }

    [Fact]
    public async Task A_merged_session_names_the_session_it_joined()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync();
        var payload = new SessionChangedPayload
        {
            SessionId = 8, SessionTitle = "Chatbots", RecipientName = "Ann Attendee",
            OldRoom = "Room B", OldStartUtc = new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc),
            NewRoom = "Room A", NewStartUtc = new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc),
            NewEndUtc = new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), MergedIntoTitle = "AI in the council",
        };

        var mail = await DeliveredMail.DeliverAsync(rig, OpenSpaceEmailTemplates.SessionMerged, payload, ev.Id);

        mail.Subject.ShouldBe("Merged: Chatbots is now part of AI in the council");
        mail.TextBody!.ShouldContain("merged into AI in the council");
        mail.TextBody!.ShouldContain("Now in: Room A");
        mail.TextBody!.ShouldContain("Now: Thursday 3 December 2026, 2pm to 3pm GMT");
        mail.HtmlBody!.ShouldContain("AI in the council");
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/events/{ev.Slug}/board\"");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_notes_link_message_gives_the_room_the_time_in_the_event_zone_and_the_notes_link()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync(timeZoneId: "America/New_York");
        var payload = new NotesLinkPayload
        {
            RecipientName = "Wendy Walker", SessionTitle = "Libraries as labs", Room = "Reading room",
            StartUtc = new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), EndUtc = new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc),
            NotesToken = "tok123",
        };

        var mail = await DeliveredMail.DeliverAsync(rig, OpenSpaceEmailTemplates.NotesLink, payload, ev.Id);

        mail.Subject.ShouldBe("Your session is on the board: Libraries as labs");
        mail.TextBody!.ShouldContain("Room: Reading room");
        mail.TextBody!.ShouldContain("When: Thursday 3 December 2026, 10am to 11am UTC-05:00");
        mail.TextBody!.ShouldContain("https://events.devon.example/notes/tok123");
    }

    [Fact]
    public async Task The_conveners_message_says_it_is_their_session_and_why_they_get_it()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync();
        var payload = MovedFromRoomAToMainHall("Repair cafés", "Wendy Walker", fromHourUtc: 10, toHourUtc: 14);

        var mail = await DeliveredMail.DeliverAsync(rig, OpenSpaceEmailTemplates.ConvenerSessionMoved, payload, ev.Id);

        mail.Subject.ShouldBe("Your session has moved: Repair cafés");
        mail.TextBody!.ShouldContain("Dear Wendy Walker,");
        mail.TextBody!.ShouldContain("Now in: Main hall");
        mail.TextBody!.ShouldContain("because you are the convener of Repair cafés");
    }

    /// <summary>A one-hour session on 3 December 2026 moved from Room A to the Main hall.</summary>
    private static SessionChangedPayload MovedFromRoomAToMainHall(string title, string recipient, int fromHourUtc, int toHourUtc) => new()
    {
        SessionId = 7, SessionTitle = title, RecipientName = recipient,
        OldRoom = "Room A", OldStartUtc = new DateTime(2026, 12, 3, fromHourUtc, 0, 0, DateTimeKind.Utc),
        NewRoom = "Main hall", NewStartUtc = new DateTime(2026, 12, 3, toHourUtc, 0, 0, DateTimeKind.Utc),
        NewEndUtc = new DateTime(2026, 12, 3, toHourUtc + 1, 0, 0, DateTimeKind.Utc),
    };
}
