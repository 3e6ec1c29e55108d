using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.CheckIn;

public sealed class CheckInServiceTests
{
    [Fact]
    public async Task A_confirmed_ticket_checks_in_with_name_organisation_and_ticket_type()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example", "Devon County Council");

        var result = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);

        result.Status.ShouldBe(CheckInStatus.CheckedIn);
        result.Code.ShouldBe(CheckInResult.CheckedInCode);
        result.Message.ShouldBe("Checked in");
        result.Name.ShouldBe("Ann Example");
        result.Organisation.ShouldBe("Devon County Council");
        result.TicketType.ShouldBe(string.Empty);
        result.NeedsAttention.ShouldBeFalse();
        result.CheckedInBy.ShouldBe(Actors.Organiser.DisplayName);
    }

    [Fact]
    public async Task A_code_typed_with_surrounding_spaces_and_a_newline_still_checks_in()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");

        (await kit.Service.CheckInAsync("  " + code + "\r\n", kit.Organiser, kit.EventId)).Status.ShouldBe(CheckInStatus.CheckedIn);
    }

    [Fact]
    public async Task The_ticket_type_is_shown_when_the_booking_has_one()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var saved = await kit.Booking.TicketTypes.SaveAsync(Actors.Organiser, kit.EventId, null, "Speaker", string.Empty, null, false);
        var code = await kit.CodeOfAsync("Sam Speaker", ticket: saved.Value!.Id);

        (await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId)).TicketType.ShouldBe("Speaker");
    }

    [Fact]
    public async Task Access_needs_raise_the_needs_attention_flag_but_never_reach_the_door()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        await using (var db = kit.Booking.Database.CreateDbContext())
        {
            await db.Set<EventHub.Core.Bookings.Booking>().ExecuteUpdateAsync(s => s.SetProperty(b => b.AccessNeeds, "Wheelchair user, step-free route please"));
        }

        var result = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);

        result.NeedsAttention.ShouldBeTrue();
        result.ToString().ShouldNotContain("Wheelchair");
        typeof(CheckInResult).GetProperties().Select(p => p.Name).ShouldNotContain("AccessNeeds");
    }

    [Fact]
    public async Task Scanning_the_same_ticket_again_says_already_checked_in_with_when_and_by_whom()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var link = await kit.LinkAsync("Side door phone");
        var first = await kit.Service.CheckInAsync(code, Door.ForLink(link.Token), kit.EventId);
        kit.Booking.Clock.Advance(TimeSpan.FromMinutes(5));

        var second = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);

        second.Status.ShouldBe(CheckInStatus.AlreadyCheckedIn);
        second.Code.ShouldBe(CheckInResult.AlreadyCheckedInCode);
        second.CheckedInUtc.ShouldBe(first.CheckedInUtc);
        second.CheckedInBy.ShouldBe("Side door phone");
        second.Name.ShouldBe("Ann Example");
    }

    [Fact]
    public async Task A_cancelled_booking_code_stops_working()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var booked = await kit.Booking.BookAsync("Ann Example");
        (await kit.Booking.Bookings.CancelAsync(booked.ManageToken)).Succeeded.ShouldBeTrue();

        var result = await kit.Service.CheckInAsync(booked.CheckInCode!, kit.Organiser, kit.EventId);

        result.Status.ShouldBe(CheckInStatus.NotValid);
        result.Code.ShouldBe(CheckInErrors.Cancelled.Code);
        result.Message.ShouldContain("cancelled");
        (await kit.Service.CountsAsync(kit.Organiser, kit.EventId)).Value!.CheckedIn.ShouldBe(0);
    }

    [Fact]
    public async Task A_booking_awaiting_approval_is_not_valid()
    {
        await using var kit = await CheckInKit.CreateAsync();
        await kit.Booking.SettingsAsync(s => s.Eligibility = EligibilityMode.ApprovalRequired);
        var booked = await kit.Booking.BookAsync("Ann Example");
        booked.Status.ShouldBe(BookingStatus.AwaitingApproval);
        var code = (await kit.Booking.BookingAsync(booked.BookingId)).CheckInCode;

        (await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId)).Code.ShouldBe(CheckInErrors.AwaitingApproval.Code);
    }

    [Fact]
    public async Task Someone_on_the_waiting_list_is_not_valid()
    {
        await using var kit = await CheckInKit.CreateAsync(capacity: 1);
        await kit.Booking.BookAsync("First Person");
        var waiting = await kit.Booking.BookAsync("Second Person");
        waiting.Status.ShouldBe(BookingStatus.Waiting);
        var code = (await kit.Booking.BookingAsync(waiting.BookingId)).CheckInCode;

        var result = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);

        result.Status.ShouldBe(CheckInStatus.NotValid);
        result.Code.ShouldBe(CheckInErrors.Waitlisted.Code);
    }

    [Fact]
    public async Task Someone_offered_a_place_who_has_not_accepted_is_not_valid()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var booked = await kit.Booking.BookAsync("Ann Example");
        await using (var db = kit.Booking.Database.CreateDbContext())
        {
            await db.Set<EventHub.Core.Bookings.Booking>().ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Offered));
        }

        (await kit.Service.CheckInAsync(booked.CheckInCode!, kit.Organiser, kit.EventId)).Code.ShouldBe(CheckInErrors.Offered.Code);
    }

    [Fact]
    public async Task A_ticket_for_another_event_is_not_valid_here()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var other = await kit.Booking.AddEventAsync(20, "other-forum");
        var booked = await kit.Booking.BookAsync("Ann Example", eventId: other);

        var result = await kit.Service.CheckInAsync(booked.CheckInCode!, kit.Organiser, kit.EventId);

        result.Status.ShouldBe(CheckInStatus.NotValid);
        result.Code.ShouldBe(CheckInErrors.OtherEvent.Code);
    }

    [Theory]
    [InlineData("not-a-code")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_unknown_code_is_not_valid(string code)
    {
        await using var kit = await CheckInKit.CreateAsync();
        await kit.CodeOfAsync("Ann Example");

        var result = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);

        result.Status.ShouldBe(CheckInStatus.NotValid);
        result.Code.ShouldBe(CheckInErrors.UnknownCode.Code);
        result.Message.ShouldBe("Not valid: we do not recognise this code");
    }

    [Fact]
    public async Task The_booking_reference_or_id_is_not_a_check_in_code()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var booked = await kit.Booking.BookAsync("Ann Example");

        booked.CheckInCode!.Length.ShouldBeGreaterThanOrEqualTo(22); // 128 random bits
        (await kit.Service.CheckInAsync(booked.Reference, kit.Organiser, kit.EventId)).Code.ShouldBe(CheckInErrors.UnknownCode.Code);
        (await kit.Service.CheckInAsync(booked.BookingId.ToString(System.Globalization.CultureInfo.InvariantCulture), kit.Organiser, kit.EventId)).Code.ShouldBe(CheckInErrors.UnknownCode.Code);
    }

    [Fact]
    public async Task A_mistaken_check_in_can_be_undone_and_the_ticket_scanned_again()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var first = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);

        (await kit.Service.UndoAsync(first.BookingId!.Value, kit.Organiser, kit.EventId)).Succeeded.ShouldBeTrue();

        (await kit.Service.CountsAsync(kit.Organiser, kit.EventId)).Value!.CheckedIn.ShouldBe(0);
        (await kit.Service.UndoAsync(first.BookingId!.Value, kit.Organiser, kit.EventId)).ErrorCode.ShouldBe(CheckInErrors.NotCheckedIn.Code);
        (await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId)).Status.ShouldBe(CheckInStatus.CheckedIn);
    }

    [Fact]
    public async Task Counts_show_checked_in_against_confirmed()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var a = await kit.CodeOfAsync("Ann Example");
        await kit.CodeOfAsync("Bob Example");
        await kit.CodeOfAsync("Cat Example");

        await kit.Service.CheckInAsync(a, kit.Organiser, kit.EventId);

        (await kit.Service.CountsAsync(kit.Organiser, kit.EventId)).Value.ShouldBe(new CheckInCounts(1, 3));
    }

    [Fact]
    public async Task Every_check_in_and_undo_notifies_the_event_listeners_and_only_them()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");
        var mine = 0;
        var others = 0;
        var signal = new SemaphoreSlim(0);
        using var sub = kit.Live.Subscribe(kit.EventId, m =>
        {
            if (m.Topic == LiveTopics.CheckIn)
            {
                Interlocked.Increment(ref mine);
                signal.Release();
            }

            return Task.CompletedTask;
        });
        using var otherSub = kit.Live.Subscribe(kit.EventId + 1000, _ => { Interlocked.Increment(ref others); return Task.CompletedTask; });

        var result = await kit.Service.CheckInAsync(code, kit.Organiser, kit.EventId);
        (await signal.WaitAsync(TimeSpan.FromSeconds(2))).ShouldBeTrue();
        await kit.Service.UndoAsync(result.BookingId!.Value, kit.Organiser, kit.EventId);
        (await signal.WaitAsync(TimeSpan.FromSeconds(2))).ShouldBeTrue();

        mine.ShouldBe(2);
        others.ShouldBe(0);
    }

    [Fact]
    public async Task Search_finds_people_by_part_of_their_name_or_email_a_page_at_a_time()
    {
        await using var kit = await CheckInKit.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await kit.CodeOfAsync($"Smith Person{i}");
        }

        await kit.CodeOfAsync("Ann Example");

        var page0 = (await kit.Service.SearchAsync(kit.Organiser, kit.EventId, "SMITH", 0, 2)).Value!;
        var page2 = (await kit.Service.SearchAsync(kit.Organiser, kit.EventId, "smith", 2, 2)).Value!;
        var byEmail = (await kit.Service.SearchAsync(kit.Organiser, kit.EventId, "ann.example@", 0, 10)).Value!;

        page0.TotalCount.ShouldBe(5);
        page0.Items.Select(r => r.Name).ShouldBe(["Smith Person0", "Smith Person1"]);
        page2.Items.Select(r => r.Name).ShouldBe(["Smith Person4"]);
        byEmail.Items.ShouldHaveSingleItem().Name.ShouldBe("Ann Example");
    }

    [Fact]
    public async Task Someone_found_by_search_can_be_checked_in_without_their_ticket()
    {
        await using var kit = await CheckInKit.CreateAsync();
        await kit.CodeOfAsync("Ann Example");
        var row = (await kit.Service.SearchAsync(kit.Organiser, kit.EventId, "ann", 0, 10)).Value!.Items.Single();

        var result = await kit.Service.CheckInBookingAsync(row.BookingId, kit.Organiser, kit.EventId);

        result.Status.ShouldBe(CheckInStatus.CheckedIn);
        (await kit.Service.SearchAsync(kit.Organiser, kit.EventId, "ann", 0, 10)).Value!.Items.Single().CheckedInUtc.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_signed_out_visitor_without_a_door_link_cannot_check_anyone_in()
    {
        await using var kit = await CheckInKit.CreateAsync();
        var code = await kit.CodeOfAsync("Ann Example");

        var result = await kit.Service.CheckInAsync(code, Door.ForOrganiser(Actor.Anonymous), kit.EventId);

        result.Status.ShouldBe(CheckInStatus.DoorNotAllowed);
        (await kit.Service.SearchAsync(Door.ForOrganiser(Actor.Anonymous), kit.EventId, "ann")).ErrorCode.ShouldBe(CheckInErrors.Forbidden.Code);
    }
}
