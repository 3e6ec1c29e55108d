using System.Text.RegularExpressions;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Events.Access;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.OpenSpace;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>Mailing a session's notes link to its convener from the after-the-day page, delivered to a real SMTP listener.</summary>
public sealed class ConvenerMailTests
{
    private const string ConvenerEmail = "wendy.walker@devon.gov.uk";

    private static ConvenerMailService Service(BoardFixture f) =>
        new(f.Database, new SessionConveners(new SessionNotesLinks(f.Clock), f.Clock));

    private static string LinkIn(MimeKit.MimeMessage mail) =>
        Regex.Match(mail.TextBody!, @"/notes/([A-Za-z0-9_-]+)").Groups[1].Value;

    private static async Task<int> PlaceWalkInAsync(BoardFixture f, string? email)
    {
        var proposal = (await f.Queue.ProposeAsync(f.EventId, new ProposalInput("Libraries as labs", "Wendy Walker"), "Wendy Walker", convenerEmail: email)).Value!;
        return (await f.Placement.PlaceAsync(Actors.Organiser, proposal.Id, f.BigRoom, f.Morning)).Value!.SessionId;
    }

    [Fact]
    public async Task An_editor_mails_the_convener_a_new_notes_link_that_opens_the_notes_while_the_first_one_still_works()
    {
        await using var f = await BoardFixture.CreateAsync();
        await using var smtp = await SmtpListener.StartAsync();
        var sessionId = await PlaceWalkInAsync(f, ConvenerEmail);
        await EmailRig.DeliveryTo(smtp, f.Database, f.Clock).DeliverDueAsync();
        var first = LinkIn(smtp.Received.ShouldHaveSingleItem());

        var mailed = await Service(f).MailNotesLinkAsync(Actors.Organiser, sessionId);

        mailed.Succeeded.ShouldBeTrue(mailed.Message);
        await EmailRig.DeliveryTo(smtp, f.Database, f.Clock).DeliverDueAsync();
        smtp.Received.Count.ShouldBe(2);
        var mail = smtp.Received.Last();
        mail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(ConvenerEmail);
        mail.TextBody!.ShouldContain("Libraries as labs");
        var second = LinkIn(mail);
        second.ShouldNotBe(first);
        var notes = new NotesService(f.Database, f.Clock);
        (await notes.GetAsync(EditorKey.ForToken(second)))!.SessionId.ShouldBe(sessionId);
        (await notes.GetAsync(EditorKey.ForToken(first)))!.SessionId.ShouldBe(sessionId, "links made before keep working");
        await using var db = f.Database.CreateDbContext();
        (await db.Set<NotesLink>().Where(l => l.SessionId == sessionId).Select(l => l.TokenHash).ToListAsync())
            .ShouldContain(SecureTokens.Hash(second));
    }

    [Fact]
    public async Task A_session_whose_convener_left_no_address_is_refused_and_nothing_is_mailed()
    {
        await using var f = await BoardFixture.CreateAsync();
        var sessionId = await PlaceWalkInAsync(f, email: null);

        var refused = await Service(f).MailNotesLinkAsync(Actors.Organiser, sessionId);

        refused.ErrorCode.ShouldBe(ProceedingsErrors.NoConvenerAddress.Code);
        await using var db = f.Database.CreateDbContext();
        (await db.Set<OutboxMessage>().CountAsync()).ShouldBe(0);
        (await db.Set<NotesLink>().CountAsync(l => l.SessionId == sessionId)).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_events_editors_and_owners_may_mail_a_notes_link()
    {
        await using var f = await BoardFixture.CreateAsync();
        var sessionId = await PlaceWalkInAsync(f, ConvenerEmail);
        await Teams.JoinEventAsync(f.Database, Actors.Viewer, f.EventId, TeamRole.Viewer);
        await Teams.JoinEventAsync(f.Database, Actors.Door, f.EventId, TeamRole.Door);
        await using (var db = f.Database.CreateDbContext())
        {
            await db.Set<OutboxMessage>().ExecuteDeleteAsync();
        }

        (await Service(f).MailNotesLinkAsync(Actors.Viewer, sessionId)).IsForbidden.ShouldBeTrue();
        (await Service(f).MailNotesLinkAsync(Actors.Door, sessionId)).IsForbidden.ShouldBeTrue();
        (await Service(f).MailNotesLinkAsync(Actors.Stranger, sessionId)).IsNotFound.ShouldBeTrue();
        (await Service(f).MailNotesLinkAsync(Actor.Anonymous, sessionId)).IsForbidden.ShouldBeTrue();
        (await Service(f).MailNotesLinkAsync(Actors.Organiser, sessionId + 1000)).IsNotFound.ShouldBeTrue();

        await using var check = f.Database.CreateDbContext();
        (await check.Set<OutboxMessage>().CountAsync()).ShouldBe(0);
    }
}
