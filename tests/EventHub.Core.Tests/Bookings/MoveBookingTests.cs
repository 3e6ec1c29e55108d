using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Organisers moving a confirmed booking to another ticket type or other sessions, on a real SQLite file.</summary>
public sealed class MoveBookingTests
{
    private static async Task<(TicketType Staff, TicketType Partners)> TwoTypesAsync(BookingKit kit, int? staffQuota, int? partnerQuota)
    {
        var staff = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Council staff", "", staffQuota, false)).Value!;
        var partners = (await kit.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Partners", "", partnerQuota, false)).Value!;
        return (staff, partners);
    }

    private static async Task<TicketType> TypeAsync(BookingKit kit, int id)
    {
        await using var db = kit.Database.CreateDbContext();
        return await db.Set<TicketType>().AsNoTracking().FirstAsync(t => t.Id == id);
    }

    [Fact]
    public async Task Moving_to_another_ticket_type_moves_the_place_emails_the_person_and_is_audited()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var (staff, partners) = await TwoTypesAsync(kit, 5, 5);
        var ann = await kit.BookAsync("Ann Example", ticket: staff.Id);

        var moved = await kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(ann.BookingId, partners.Id));

        moved.Succeeded.ShouldBeTrue(string.Join("; ", moved.Errors.Select(e => e.Message)));
        moved.Value.ShouldBe("Ticket type: Council staff to Partners");
        (await kit.BookingAsync(ann.BookingId)).TicketTypeId.ShouldBe(partners.Id);
        (await TypeAsync(kit, staff.Id)).PlacesTaken.ShouldBe(0);
        (await TypeAsync(kit, partners.Id)).PlacesTaken.ShouldBe(1);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        var mail = (await kit.OutboxAsync(BookingTemplates.BookingChanged)).ShouldHaveSingleItem();
        mail.ToEmail.ShouldBe("ann.example@devon.gov.uk");
        mail.PayloadJson.ShouldContain("Council staff to Partners");
        var audit = (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).First(a => a.Action == "moved");
        audit.BookingId.ShouldBe(ann.BookingId);
        audit.ActorName.ShouldBe("Olive Organiser");
        audit.Detail.ShouldContain("Council staff to Partners");
    }

    [Fact]
    public async Task Moving_into_a_full_ticket_type_is_refused_with_a_clear_message_and_changes_nothing()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var (staff, partners) = await TwoTypesAsync(kit, 5, 1);
        var ann = await kit.BookAsync("Ann Example", ticket: staff.Id);
        await kit.BookAsync("Bob Example", ticket: partners.Id);

        var moved = await kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(ann.BookingId, partners.Id));

        moved.Succeeded.ShouldBeFalse();
        moved.ErrorCode.ShouldBe(BookingErrors.TargetFull.Code);
        moved.Errors.Single().Message.ShouldBe("\"Partners\" is full: all 1 places are taken. Raise its quota in the booking settings, or choose another ticket type. Nothing was changed.");
        (await kit.BookingAsync(ann.BookingId)).TicketTypeId.ShouldBe(staff.Id);
        (await TypeAsync(kit, staff.Id)).PlacesTaken.ShouldBe(1);
        (await TypeAsync(kit, partners.Id)).PlacesTaken.ShouldBe(1);
        (await kit.OutboxAsync(BookingTemplates.BookingChanged)).ShouldBeEmpty();
        (await kit.AuditLog.ListAsync(Actors.Admin, kit.EventId)).ShouldNotContain(a => a.Action == "moved");
    }

    [Fact]
    public async Task The_place_freed_in_the_old_ticket_type_is_offered_to_the_first_person_waiting_for_it()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var (staff, partners) = await TwoTypesAsync(kit, 1, null);
        var ann = await kit.BookAsync("Ann Example", ticket: staff.Id);
        var cat = await kit.BookAsync("Cat Example", ticket: staff.Id);
        cat.Status.ShouldBe(BookingStatus.Waiting);

        (await kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(ann.BookingId, partners.Id))).Succeeded.ShouldBeTrue();

        (await kit.BookingAsync(cat.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.OutboxAsync(BookingTemplates.PlaceOffered)).ShouldHaveSingleItem().ToEmail.ShouldBe("cat.example@devon.gov.uk");
        (await TypeAsync(kit, staff.Id)).PlacesTaken.ShouldBe(1);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(2);
    }

    [Fact]
    public async Task Two_moves_into_the_last_place_at_once_give_it_to_exactly_one()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var (staff, partners) = await TwoTypesAsync(kit, 5, 1);
        var ann = await kit.BookAsync("Ann Example", ticket: staff.Id);
        var bob = await kit.BookAsync("Bob Example", ticket: staff.Id);
        // A second app instance with its own gate: only the conditional update stands between them.
        using var otherGate = new BookingWriteGate();
        var other = new BookingMoveService(kit.Database, kit.Clock, otherGate);

        var results = await Task.WhenAll(
            Task.Run(() => kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(ann.BookingId, partners.Id))),
            Task.Run(() => other.MoveAsync(Actors.Organiser, new MoveRequest(bob.BookingId, partners.Id))));

        results.Count(r => r.Succeeded).ShouldBe(1);
        results.Single(r => !r.Succeeded).ErrorCode.ShouldBe(BookingErrors.TargetFull.Code);
        (await TypeAsync(kit, partners.Id)).PlacesTaken.ShouldBe(1);
        (await TypeAsync(kit, staff.Id)).PlacesTaken.ShouldBe(1);
        (await kit.AllBookingsAsync()).Count(b => b.TicketTypeId == partners.Id).ShouldBe(1);
        (await kit.OutboxAsync(BookingTemplates.BookingChanged)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Changing_sessions_takes_the_new_place_and_gives_the_old_one_to_the_person_waiting()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var morning = await kit.AddSessionAsync(1, "Morning workshop");
        var afternoon = await kit.AddSessionAsync(5, "Afternoon workshop");
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        (await kit.Bookings.ChooseSessionsAsync(ann.ManageToken, [morning])).Succeeded.ShouldBeTrue();
        (await kit.Bookings.ChooseSessionsAsync(bob.ManageToken, [morning])).Value!.Single().Status.ShouldBe(SessionBookingStatus.Waiting);

        var moved = await kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(ann.BookingId, null, [afternoon]));

        moved.Value.ShouldBe("Left Morning workshop; Joined Afternoon workshop");
        var annView = await kit.Bookings.GetByTokenAsync(ann.ManageToken);
        annView!.Booking.Sessions.ShouldHaveSingleItem().SessionId.ShouldBe(afternoon);
        var bobView = await kit.Bookings.GetByTokenAsync(bob.ManageToken);
        bobView!.Booking.Sessions.ShouldHaveSingleItem().Status.ShouldBe(SessionBookingStatus.Confirmed);
        (await kit.OutboxAsync(BookingTemplates.SessionPlaceConfirmed)).ShouldHaveSingleItem().ToEmail.ShouldBe("bob.example@devon.gov.uk");
        (await kit.OutboxAsync(BookingTemplates.BookingChanged)).ShouldHaveSingleItem().ToEmail.ShouldBe("ann.example@devon.gov.uk");
    }

    [Fact]
    public async Task Moving_into_a_full_session_is_refused_and_keeps_the_old_session()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 10);
        var morning = await kit.AddSessionAsync(5, "Morning workshop");
        var afternoon = await kit.AddSessionAsync(1, "Afternoon workshop");
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        await kit.Bookings.ChooseSessionsAsync(ann.ManageToken, [morning]);
        await kit.Bookings.ChooseSessionsAsync(bob.ManageToken, [afternoon]);

        var moved = await kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(ann.BookingId, null, [afternoon]));

        moved.ErrorCode.ShouldBe(BookingErrors.TargetFull.Code);
        moved.Errors.Single().Message.ShouldContain("\"Afternoon workshop\" is full");
        (await kit.Bookings.GetByTokenAsync(ann.ManageToken))!.Booking.Sessions.ShouldHaveSingleItem().SessionId.ShouldBe(morning);
        await using var db = kit.Database.CreateDbContext();
        (await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == morning)).PlacesTaken.ShouldBe(1);
        (await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == afternoon)).PlacesTaken.ShouldBe(1);
    }

    [Fact]
    public async Task Only_organisers_can_move_and_only_confirmed_bookings_move()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var (staff, partners) = await TwoTypesAsync(kit, null, null);
        var ann = await kit.BookAsync("Ann Example", ticket: staff.Id);
        var bob = await kit.BookAsync("Bob Example", ticket: staff.Id);

        (await kit.Moves.MoveAsync(EventHub.Core.Common.Actor.Anonymous, new MoveRequest(ann.BookingId, partners.Id))).ErrorCode
            .ShouldBe(EventHub.Core.Common.ErrorCodes.Forbidden);
        var waiting = await kit.Moves.MoveAsync(Actors.Organiser, new MoveRequest(bob.BookingId, partners.Id));
        waiting.ErrorCode.ShouldBe(BookingErrors.WrongState.Code);
        waiting.Errors.Single().Message.ShouldContain("Only confirmed bookings can be moved");
        (await kit.BookingAsync(ann.BookingId)).TicketTypeId.ShouldBe(staff.Id);
    }
}
