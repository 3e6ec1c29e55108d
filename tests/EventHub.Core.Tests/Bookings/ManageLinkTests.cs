using System.Text.Json;
using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Email;
using EventHub.Core.Privacy;
using EventHub.Core.Tests.Privacy;
using EventHub.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Manage links kept as hashes: what is on disk, which links work, and when they stop.</summary>
public sealed class ManageLinkTests : IAsyncLifetime
{
    private PrivacyKit _kit = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _kit = await PrivacyKit.CreateAsync();

    public async ValueTask DisposeAsync() => await _kit.DisposeAsync();

    private BookingService Bookings => _kit.Get<BookingService>();

    [Fact]
    public async Task The_database_keeps_only_the_hash_of_a_manage_token_once_its_mail_is_gone()
    {
        var booked = await BookAsync("hash-only@devon.gov.uk");
        await _kit.DeliverMailAsync();
        var token = booked.ManageToken;
        // The scan sees the token where it is (the sent mail, so the checks below are not vacuous) and nowhere else, even
        // before the mail's row is gone: the outbox keeps a link's token only protected.
        var before = await _kit.FilesHoldingAsync(token);
        before.ShouldContain(hit => hit.StartsWith("mail-pickup", StringComparison.Ordinal), "the scan must be able to see the token");
        before.ShouldAllBe(hit => hit.StartsWith("mail-pickup", StringComparison.Ordinal), "the queued payload holds the token protected");

        await using (var db = _kit.Database.CreateDbContext())
        {
            await db.Set<OutboxMessage>().ExecuteDeleteAsync(Ct);
            await _kit.Database.Dialect.PurgeFreedSpaceAsync(db, Ct);
        }

        (await _kit.FilesHoldingAsync(token)).ShouldAllBe(hit => hit.StartsWith("mail-pickup", StringComparison.Ordinal),
            "only the sent mail itself holds the token");
        if (_kit.Database.Dialect.Provider == DatabaseProvider.Sqlite)
        {
            (await _kit.FilesHoldingAsync(SecureTokens.Hash(token))).ShouldNotBeEmpty("the hash is what the database keeps");
        }

        (await Bookings.GetByTokenAsync(token, Ct))!.Booking.Id.ShouldBe(booked.BookingId);
    }

    [Fact]
    public async Task Every_link_a_person_was_sent_works_and_all_of_them_stop_when_they_erase_their_booking()
    {
        var booked = await BookAsync("two-links@devon.gov.uk");
        await Bookings.ResendLinkAsync(_kit.EventId, "two-links@devon.gov.uk", Ct);
        var resent = await PayloadAsync(BookingTemplates.BookingLinkResent);

        resent.ManageToken.ShouldNotBe(booked.ManageToken, "each mail carries a link of its own");
        (await Bookings.GetByTokenAsync(booked.ManageToken, Ct))!.Booking.Id.ShouldBe(booked.BookingId);
        (await Bookings.GetByTokenAsync(resent.ManageToken, Ct))!.Booking.Id.ShouldBe(booked.BookingId);

        (await _kit.Get<SubjectAccessService>().EraseOwnBookingAsync(resent.ManageToken, Ct)).Succeeded.ShouldBeTrue();

        (await Bookings.GetByTokenAsync(booked.ManageToken, Ct)).ShouldBeNull();
        (await Bookings.GetByTokenAsync(resent.ManageToken, Ct)).ShouldBeNull();
        (await Bookings.CancelAsync(booked.ManageToken, Ct)).ErrorCode.ShouldBe(BookingErrors.InvalidLink.Code);
        await using var db = _kit.Database.CreateDbContext();
        (await db.Set<ManageLink>().CountAsync(l => l.BookingId == booked.BookingId, Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_links_stop_working_when_the_retention_sweep_anonymises_the_booking()
    {
        var booked = await BookAsync("swept@devon.gov.uk");
        (await Bookings.GetByTokenAsync(booked.ManageToken, Ct)).ShouldNotBeNull();

        _kit.Services.Clock.Advance(TimeSpan.FromDays(2 + 366));
        (await _kit.Get<Anonymiser>().SweepAsync(Ct)).Anonymised.ShouldBe(1);

        (await Bookings.GetByTokenAsync(booked.ManageToken, Ct)).ShouldBeNull();
        (await Bookings.GetByTokenAsync(SecureTokens.New(), Ct)).ShouldBeNull("a made-up token leads nowhere either");
    }

    private async Task<BookingResult> BookAsync(string email)
    {
        var outcome = await Bookings.BookAsync(new BookingRequest(_kit.EventId, new BookingForm
        {
            Name = "Hannah Hash", Email = email, Organisation = "Devon County Council", PrivacyConsent = true,
        }), Ct);
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Errors.Select(e => e.Message)));
        return outcome.Value!;
    }

    private async Task<BookingMessagePayload> PayloadAsync(string template)
    {
        await using var db = _kit.Database.CreateDbContext();
        var message = await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Template == template, Ct);
        return JsonSerializer.Deserialize<BookingMessagePayload>(_kit.Get<OutboxPayloadProtection>().Reveal(message))!;
    }
}
