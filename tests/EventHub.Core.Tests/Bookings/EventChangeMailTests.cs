using System.Text;
using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace EventHub.Core.Tests.Bookings;

public sealed class EventChangeMailTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static EventService Events(BookingKit kit) => new(kit.Database, kit.Clock, [new EventChangeMail()]);

    /// <summary>The kit's event as the edit form would show it, after giving it the venue the form requires.</summary>
    private static async Task<EventInput> InputAsync(BookingKit kit)
    {
        await using (var db = kit.Database.CreateDbContext())
        {
            await db.Events.Where(e => e.Id == kit.EventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.VenueName, "County Hall"), Ct);
        }

        return EventInput.From(await kit.EventAsync());
    }

    [Fact]
    public async Task Moving_the_event_queues_a_change_for_every_confirmed_and_offered_booking_and_nobody_else()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 2);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        var cat = await kit.BookAsync("Cat Example");
        var dan = await kit.BookAsync("Dan Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);
        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Offered);

        var input = await InputAsync(kit);
        input.StartLocal = input.StartLocal!.Value.AddDays(1);
        input.EndLocal = input.EndLocal!.Value.AddDays(1);
        (await Events(kit).UpdateAsync(Actors.Organiser, kit.EventId, input, Ct)).ShouldSucceed();

        var changed = await kit.OutboxAsync(BookingTemplates.EventChanged);
        changed.Select(m => m.ToEmail).Order().ShouldBe(["bob.example@devon.gov.uk", "cat.example@devon.gov.uk"]);
        changed.ShouldAllBe(m => m.EventId == kit.EventId);
        changed.Single(m => m.ToEmail.StartsWith("bob", StringComparison.Ordinal)).PayloadJson.ShouldContain("Time: was ");
        (await kit.BookingAsync(dan.BookingId)).Status.ShouldBe(BookingStatus.Waiting);
    }

    [Fact]
    public async Task Changing_only_the_title_or_capacity_sends_nothing()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.BookAsync("Ann Example");
        var input = await InputAsync(kit);
        input.Title = "A better title";
        input.Capacity = 80;

        (await Events(kit).UpdateAsync(Actors.Organiser, kit.EventId, input, Ct)).ShouldSucceed();

        (await kit.OutboxAsync(BookingTemplates.EventChanged)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_the_event_tells_everyone_holding_hoping_for_or_waiting_on_a_place_but_not_those_who_cancelled()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var ann = await kit.BookAsync("Ann Example");
        await kit.BookAsync("Bob Example");
        await kit.BookAsync("Cat Example");
        await kit.Bookings.CancelAsync(ann.ManageToken);

        (await Events(kit).SetStatusAsync(Actors.Organiser, kit.EventId, EventHub.Core.Events.EventStatus.Cancelled, Ct)).ShouldSucceed();

        (await kit.OutboxAsync(BookingTemplates.EventCancelled)).Select(m => m.ToEmail).Order()
            .ShouldBe(["bob.example@devon.gov.uk", "cat.example@devon.gov.uk"]);

        // Cancelling again is not a new change.
        (await Events(kit).SetStatusAsync(Actors.Organiser, kit.EventId, EventHub.Core.Events.EventStatus.Cancelled, Ct)).ShouldSucceed();
        (await kit.OutboxAsync(BookingTemplates.EventCancelled)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_change_and_its_messages_are_one_transaction_so_when_the_save_fails_neither_is_kept()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.BookAsync("Ann Example");
        var input = await InputAsync(kit);
        input.VenueName = "The Guildhall";

        // The saboteur runs after the mail observer and makes SaveChanges itself fail on the unique slug index.
        var outcome = await new EventService(kit.Database, kit.Clock, [new EventChangeMail(), new Saboteur()]).UpdateAsync(Actors.Organiser, kit.EventId, input, Ct);

        outcome.Succeeded.ShouldBeFalse();
        (await kit.OutboxAsync(BookingTemplates.EventChanged)).ShouldBeEmpty();
        (await kit.EventAsync()).VenueName.ShouldNotBe("The Guildhall");
    }

    [Fact]
    public async Task The_changed_invite_keeps_the_uid_with_a_higher_sequence_and_the_cancellation_says_method_cancel()
    {
        await using var kit = await BookingKit.CreateAsync();
        await using var smtp = await SmtpListener.StartAsync();
        var delivery = new OutboxDelivery(
            kit.Database,
            EmailRig.EveryTemplate(),
            new EmailEventSource(),
            Microsoft.Extensions.Options.Options.Create(new EmailOptions { Host = "127.0.0.1", Port = smtp.Port, PublicBaseUrl = "https://events.example" }),
            kit.Clock,
            NullLogger<OutboxDelivery>.Instance);
        await kit.BookAsync("Ann Example");
        await delivery.DeliverDueAsync(Ct);
        var first = Invite(smtp.Received.Last());

        var input = await InputAsync(kit);
        input.StartLocal = input.StartLocal!.Value.AddHours(1);
        (await Events(kit).UpdateAsync(Actors.Organiser, kit.EventId, input, Ct)).ShouldSucceed();
        await delivery.DeliverDueAsync(Ct);
        var changedMail = smtp.Received.Last();
        changedMail.Subject.ShouldStartWith("Changed: ");
        var changed = Invite(changedMail);

        (await Events(kit).SetStatusAsync(Actors.Organiser, kit.EventId, EventHub.Core.Events.EventStatus.Cancelled, Ct)).ShouldSucceed();
        await delivery.DeliverDueAsync(Ct);
        var cancelled = Invite(smtp.Received.Last());

        changed.Method.ShouldBe("REQUEST");
        changed.Events.Single().Uid.ShouldBe(first.Events.Single().Uid);
        changed.Events.Single().Sequence.ShouldBeGreaterThan(first.Events.Single().Sequence);
        changed.Events.Single().DtStart!.AsUtc.ShouldBe((await kit.EventAsync()).StartUtc);
        cancelled.Method.ShouldBe("CANCEL");
        cancelled.Events.Single().Uid.ShouldBe(first.Events.Single().Uid);
        cancelled.Events.Single().Sequence.ShouldBeGreaterThan(changed.Events.Single().Sequence);
    }

    [Fact]
    public async Task Someone_waiting_is_told_of_the_cancellation_without_a_calendar_attachment()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await using var smtp = await SmtpListener.StartAsync();
        await kit.BookAsync("Ann Example");
        await kit.BookAsync("Bob Example");
        (await Events(kit).SetStatusAsync(Actors.Organiser, kit.EventId, EventHub.Core.Events.EventStatus.Cancelled, Ct)).ShouldSucceed();
        var delivery = new OutboxDelivery(
            kit.Database,
            EmailRig.EveryTemplate(),
            new EmailEventSource(),
            Microsoft.Extensions.Options.Options.Create(new EmailOptions { Host = "127.0.0.1", Port = smtp.Port }),
            kit.Clock,
            NullLogger<OutboxDelivery>.Instance);

        await delivery.DeliverDueAsync(Ct);

        var bob = smtp.Received.Single(m => m.Subject!.StartsWith("Cancelled: ", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address.StartsWith("bob", StringComparison.Ordinal));
        bob.Attachments.ShouldBeEmpty();
        smtp.Received.Single(m => m.Subject!.StartsWith("Cancelled: ", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address.StartsWith("ann", StringComparison.Ordinal)).Attachments.ShouldHaveSingleItem();
    }

    private static Calendar Invite(MimeMessage mail)
    {
        var part = mail.Attachments.OfType<MimePart>().Single(p => p.ContentType.MimeType == "text/calendar");
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        return Calendar.Load(Encoding.UTF8.GetString(bytes.ToArray()))!;
    }

    /// <summary>Adds a second event with the same slug, so the save breaks the unique index.</summary>
    private sealed class Saboteur : IEventChangeObserver
    {
        public Task OnChangingAsync(EventHub.Core.Data.EventHubDbContext db, EventChange change, CancellationToken ct)
        {
            db.Events.Add(new Event { Title = "Clash", Slug = change.Event.Slug, StartUtc = change.Event.StartUtc, EndUtc = change.Event.EndUtc });
            return Task.CompletedTask;
        }
    }
}

internal static class OutcomeAssertions
{
    public static void ShouldSucceed<T>(this EventHub.Core.Common.Outcome<T> outcome) =>
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Field + ": " + e.Message)));
}
