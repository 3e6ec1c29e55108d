using System.Text.Json;
using EventHub.Core.Bookings;
using EventHub.Core.Tests.Email;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>"Hold the place until the email address is confirmed": a place is taken at once, kept only once confirmed.</summary>
public sealed class HoldUntilConfirmedTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(BookingOptions.DefaultHoldMinutes);

    [Fact]
    public async Task Holding_is_off_by_default_so_a_booking_is_confirmed_with_its_ticket()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);

        var ann = await kit.BookAsync("Ann Example");

        ann.Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.OutboxAsync(BookingTemplates.PlaceHeld)).ShouldBeEmpty();
    }

    [Fact]
    public async Task With_holding_on_a_booking_takes_a_place_at_once_and_mails_the_confirm_link_instead_of_the_ticket()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        var now = kit.Clock.GetUtcNow().UtcDateTime;

        var ann = await kit.BookAsync("Ann Example");

        ann.Status.ShouldBe(BookingStatus.Held);
        ann.CheckInCode.ShouldBeNull();
        var held = await kit.BookingAsync(ann.BookingId);
        held.OfferExpiresUtc.ShouldBe(now.Add(Hold));
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await kit.OutboxAsync(BookingTemplates.BookingConfirmed)).ShouldBeEmpty();
        var message = (await kit.OutboxAsync(BookingTemplates.PlaceHeld)).ShouldHaveSingleItem();
        message.ToEmail.ShouldBe("ann.example@devon.gov.uk");
        var payload = JsonSerializer.Deserialize<BookingMessagePayload>(message.PayloadJson)!;
        payload.CheckInCode.ShouldBeNull();
        payload.ManageToken.ShouldBe(ann.ManageToken);
    }

    [Fact]
    public async Task Sending_a_held_booking_its_link_again_uses_the_holds_own_wording_with_the_time_to_confirm_by()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        var ann = await kit.BookAsync("Ann Example");

        await kit.Bookings.ResendLinkAsync(kit.EventId, "Ann.Example@devon.gov.uk", TestContext.Current.CancellationToken);

        (await kit.OutboxAsync(BookingTemplates.BookingLinkResent)).ShouldBeEmpty();
        var messages = await kit.OutboxAsync(BookingTemplates.PlaceHeld);
        messages.Count.ShouldBe(2);
        var again = JsonSerializer.Deserialize<BookingMessagePayload>(messages.OrderBy(m => m.Id).Last().PayloadJson)!;
        again.OfferExpiresUtc.ShouldBe((await kit.BookingAsync(ann.BookingId)).OfferExpiresUtc);
        again.ManageToken.ShouldNotBe(ann.ManageToken, "the mail carries a link of its own");

        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();
        var mail = await DeliveredMail.DeliverAsync(rig, BookingTemplates.PlaceHeld, again, evt.Id);
        mail.Subject.ShouldStartWith("Confirm your email address to keep your place");
        mail.TextBody!.ShouldContain("Confirm by");
        mail.TextBody!.ShouldNotContain("You already have a booking");
    }

    [Fact]
    public async Task The_outcome_says_places_are_held_on_a_booking_and_on_already_booked_alike_so_the_page_words_both_the_same()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);

        var booked = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Example")));
        var again = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Again", "ann.example@devon.gov.uk")));

        booked.Succeeded.ShouldBeTrue();
        booked.HoldsUntilEmailConfirmed.ShouldBeTrue();
        again.ErrorCode.ShouldBe(BookingErrors.AlreadyBooked.Code);
        again.HoldsUntilEmailConfirmed.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_holding_the_outcome_says_no_place_is_held_on_a_booking_or_on_already_booked()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);

        var booked = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Example")));
        var again = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Again", "ann.example@devon.gov.uk")));

        booked.HoldsUntilEmailConfirmed.ShouldBeFalse();
        again.ErrorCode.ShouldBe(BookingErrors.AlreadyBooked.Code);
        again.HoldsUntilEmailConfirmed.ShouldBeFalse();
    }

    [Fact]
    public async Task The_held_mail_says_plainly_what_to_do_and_carries_no_ticket()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var evt = await rig.AddEventAsync();
        var payload = EmailRig.Booking() with { CheckInCode = null, OfferExpiresUtc = evt.StartUtc.AddDays(-10) };

        var mail = await DeliveredMail.DeliverAsync(rig, BookingTemplates.PlaceHeld, payload, evt.Id);

        mail.Subject.ShouldStartWith("Confirm your email address to keep your place");
        mail.TextBody!.ShouldContain("/manage/manage-token-abcdefghijklmnop/confirm-email");
        mail.TextBody!.ShouldContain("If you do not confirm in time, the place goes back");
        mail.TextBody!.ShouldContain("Confirm by");
        mail.TextBody!.ShouldNotContain("Check-in code");
        mail.BodyParts.OfType<MimeKit.MimePart>().ShouldNotContain(p => p.ContentType.MediaType == "image");
    }

    [Fact]
    public async Task Confirming_in_time_keeps_the_place_and_sends_the_ticket_and_confirming_again_changes_nothing()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        var ann = await kit.BookAsync("Ann Example");
        kit.Clock.Advance(Hold - TimeSpan.FromMinutes(1));

        (await kit.Bookings.ConfirmEmailAsync(ann.ManageToken)).Value.ShouldBe(BookingStatus.Confirmed);
        (await kit.Bookings.ConfirmEmailAsync(ann.ManageToken)).Value.ShouldBe(BookingStatus.Confirmed);

        var booking = await kit.BookingAsync(ann.BookingId);
        booking.Status.ShouldBe(BookingStatus.Confirmed);
        booking.OfferExpiresUtc.ShouldBeNull();
        var ticket = (await kit.OutboxAsync(BookingTemplates.BookingConfirmed)).ShouldHaveSingleItem();
        JsonSerializer.Deserialize<BookingMessagePayload>(ticket.PayloadJson)!.CheckInCode.ShouldBe(booking.CheckInCode);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);

        kit.Clock.Advance(TimeSpan.FromHours(1));
        await kit.Waitlist.ExpireOffersAsync(TestContext.Current.CancellationToken);
        (await kit.BookingAsync(ann.BookingId)).Status.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task An_unconfirmed_hold_goes_back_after_the_hold_time_and_the_first_person_waiting_is_offered_it()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        var ann = await kit.BookAsync("Ann Example");
        var bob = await kit.BookAsync("Bob Example");
        bob.Status.ShouldBe(BookingStatus.Waiting);

        kit.Clock.Advance(Hold - TimeSpan.FromSeconds(1));
        (await kit.Waitlist.ExpireOffersAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await kit.BookingAsync(ann.BookingId)).Status.ShouldBe(BookingStatus.Held);

        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        (await kit.Waitlist.ExpireOffersAsync(TestContext.Current.CancellationToken)).ShouldBe(1);

        (await kit.BookingAsync(ann.BookingId)).Status.ShouldBe(BookingStatus.Cancelled);
        (await kit.BookingAsync(bob.BookingId)).Status.ShouldBe(BookingStatus.Offered);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        // Nobody showed the address was theirs, so nothing more is sent to it.
        (await kit.OutboxAsync()).Where(m => m.ToEmail == "ann.example@devon.gov.uk").Select(m => m.Template).ShouldBe([BookingTemplates.PlaceHeld]);

        var late = await kit.Bookings.ConfirmEmailAsync(ann.ManageToken);
        late.ErrorCode.ShouldBe(BookingErrors.HoldEnded.Code);
    }

    [Fact]
    public async Task A_hold_that_ran_out_cannot_be_confirmed_even_before_the_sweep_runs()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        var ann = await kit.BookAsync("Ann Example");
        kit.Clock.Advance(Hold);

        (await kit.Bookings.ConfirmEmailAsync(ann.ManageToken)).ErrorCode.ShouldBe(BookingErrors.HoldEnded.Code);
        (await kit.BookingAsync(ann.BookingId)).Status.ShouldBe(BookingStatus.Held);
    }

    [Fact]
    public async Task A_script_booking_invented_addresses_empties_nothing()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 20);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        for (var i = 0; i < 20; i++)
        {
            await kit.BookAsync($"Bot {i}", $"bot{i}@invented.example");
        }

        (await kit.EventAsync()).PlacesTaken.ShouldBe(20);
        kit.Clock.Advance(Hold);
        (await kit.Waitlist.ExpireOffersAsync(TestContext.Current.CancellationToken)).ShouldBe(20);

        (await kit.EventAsync()).PlacesTaken.ShouldBe(0);
        (await kit.AllBookingsAsync()).ShouldAllBe(b => b.Status == BookingStatus.Cancelled);
        var ann = await kit.BookAsync("Ann Example");
        ann.Status.ShouldBe(BookingStatus.Held);
        (await kit.Bookings.ConfirmEmailAsync(ann.ManageToken)).Value.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task An_organiser_adding_someone_by_hand_confirms_them_at_once()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 5);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);

        var added = await kit.Attendees.AddByHandAsync(Actors.Organiser, kit.EventId, BookingKit.Form("Ann Example"), TestContext.Current.CancellationToken);

        added.Value!.Status.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task A_held_place_cancelled_from_the_manage_link_goes_back_at_once()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);
        var ann = await kit.BookAsync("Ann Example");

        (await kit.Bookings.CancelAsync(ann.ManageToken)).Value.ShouldBe(BookingStatus.Cancelled);

        (await kit.EventAsync()).PlacesTaken.ShouldBe(0);
    }

    [Fact]
    public async Task The_setting_is_saved_and_read_back()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.SettingsAsync(s => s.HoldUntilEmailConfirmed = true);

        (await kit.Settings.GetAsync(Actors.Organiser, kit.EventId))!.HoldUntilEmailConfirmed.ShouldBeTrue();
    }
}
