using EventHub.Core.Bookings;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.MailingLists;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Bookings;

/// <summary>What a stranger can learn or cause by typing someone else's address into a public form.</summary>
public sealed class BookingEnumerationTests
{
    [Fact]
    public async Task Booking_again_with_a_booked_address_books_nothing_and_sends_the_owner_their_own_link()
    {
        await using var kit = await BookingKit.CreateAsync();
        var owner = await kit.BookAsync("Ann Example", "ann@devon.gov.uk");

        var again = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Click www.prize.example now", " ANN@devon.gov.uk")));

        again.ErrorCode.ShouldBe(BookingErrors.AlreadyBooked.Code, "the page answers this exactly as a new booking");
        (await kit.AllBookingsAsync()).ShouldHaveSingleItem().Id.ShouldBe(owner.BookingId);
        var mail = (await kit.OutboxAsync(BookingTemplates.BookingLinkResent)).ShouldHaveSingleItem();
        mail.ToEmail.ShouldBe("ann@devon.gov.uk");
        var link = System.Text.Json.JsonSerializer.Deserialize<BookingMessagePayload>(mail.PayloadJson)!.ManageToken;
        (await kit.Bookings.GetByTokenAsync(link))!.Booking.Id.ShouldBe(owner.BookingId, "the mail carries the owner's own link");
        (await kit.OutboxAsync()).ShouldAllBe(m => !m.PayloadJson.Contains("prize") && !m.ToName.Contains("prize"));
    }

    [Fact]
    public async Task A_cancelled_booking_does_not_stop_the_same_address_booking_again()
    {
        await using var kit = await BookingKit.CreateAsync(capacity: 1);
        var first = await kit.BookAsync("Ann Example", "ann@devon.gov.uk");
        (await kit.Bookings.CancelAsync(first.ManageToken)).Succeeded.ShouldBeTrue();

        var second = await kit.BookAsync("Ann Example", "ann@devon.gov.uk");

        second.Status.ShouldBe(BookingStatus.Confirmed);
        second.BookingId.ShouldNotBe(first.BookingId);
        (await kit.AllBookingsAsync()).Select(b => b.Status).Order().ShouldBe([BookingStatus.Confirmed, BookingStatus.Cancelled]);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(1);
        (await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Ann Example", "ann@devon.gov.uk"))))
            .ErrorCode.ShouldBe(BookingErrors.AlreadyBooked.Code, "one active booking per address still holds");
    }

    [Fact]
    public async Task The_database_allows_one_active_booking_per_address_and_any_number_of_ended_ones()
    {
        await using var kit = await BookingKit.CreateAsync();
        await using var db = kit.Database.CreateDbContext();
        Booking Row(BookingStatus status) => new()
        {
            EventId = kit.EventId, Reference = "EH-" + Guid.NewGuid().ToString("N")[..6],
            CheckInCode = Guid.NewGuid().ToString("N"), Name = "Ann", Email = "ann@devon.gov.uk", NormalisedEmail = "ann@devon.gov.uk", Status = status,
        };
        db.AddRange(Row(BookingStatus.Cancelled), Row(BookingStatus.Declined), Row(BookingStatus.Cancelled), Row(BookingStatus.Waiting));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        db.Add(Row(BookingStatus.Confirmed));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unrequested_mail_to_one_address_stops_at_three_a_day_across_resends_and_list_sign_ups()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.BookAsync("Ann Example", "ann@devon.gov.uk");
        var lists = new MailingListService(kit.Database, kit.Clock);
        await using (var db = kit.Database.CreateDbContext())
        {
            db.Series.Add(new EventSeries { Name = "Social Media Forum", Slug = "smf", CreatedUtc = kit.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var signUp = new ListSignUpInput { Name = "Someone", Email = "Ann@devon.gov.uk", Consent = true };
        await kit.Bookings.ResendLinkAsync(kit.EventId, "ann@devon.gov.uk");
        (await lists.SignUpAsync("smf", signUp)).Succeeded.ShouldBeTrue();
        await kit.Bookings.ResendLinkAsync(kit.EventId, "ann@devon.gov.uk");
        (await lists.SignUpAsync("smf", signUp)).Succeeded.ShouldBeTrue("the answer is the same when the mail is dropped");
        await kit.Bookings.ResendLinkAsync(kit.EventId, "ann@devon.gov.uk");

        var unrequested = (await kit.OutboxAsync()).Where(m => m.UnrequestedTo != null).ToList();
        unrequested.Count.ShouldBe(3);
        unrequested.ShouldAllBe(m => m.UnrequestedTo == "ann@devon.gov.uk" && m.ToName == string.Empty);
        (await kit.OutboxAsync(BookingTemplates.BookingConfirmed)).Count.ShouldBe(1, "mail about a booking the address made is not capped");
        (await kit.OutboxAsync()).ShouldAllBe(m => !m.PayloadJson.Contains("Someone"), "the name a stranger typed goes into no mail");

        kit.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await kit.Bookings.ResendLinkAsync(kit.EventId, "ann@devon.gov.uk");
        (await kit.OutboxAsync()).Count(m => m.UnrequestedTo != null).ShouldBe(4, "a day later the address can be sent one again");
    }
}
