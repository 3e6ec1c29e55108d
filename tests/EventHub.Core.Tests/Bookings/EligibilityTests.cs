using EventHub.Core.Bookings;
using EventHub.Core.Common;
using EventHub.Core.Email;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Bookings;

/// <summary>Who may book: allowed email domains and the settings that set them.</summary>
public sealed class EligibilityTests
{
    [Fact]
    public async Task An_email_outside_the_allowed_domains_is_refused_with_a_reason()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.SettingsAsync(s =>
        {
            s.Eligibility = EligibilityMode.AllowedDomains;
            s.AllowedDomains = "*.gov.uk\nnhs.net";
        });

        var outsider = await kit.Bookings.BookAsync(new BookingRequest(kit.EventId, BookingKit.Form("Eve Example", "eve@example.com")));
        outsider.ErrorCode.ShouldBe(BookingErrors.NotEligible.Code);
        // The email field is marked, with the addresses that may book.
        var error = outsider.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe(nameof(BookingForm.Email));
        error.Message.ShouldBe("Only email addresses ending nhs.net or .gov.uk can book this event. Enter yours if you have one.");
        (await kit.BookAsync("Ann Example", "ann@devon.gov.uk")).Status.ShouldBe(BookingStatus.Confirmed);
        (await kit.BookAsync("Nia Example", "nia@nhs.net")).Status.ShouldBe(BookingStatus.Confirmed);
    }

    [Fact]
    public async Task An_email_outside_the_allowed_domains_becomes_a_request_when_the_organiser_chose_so()
    {
        await using var kit = await BookingKit.CreateAsync();
        await kit.SettingsAsync(s =>
        {
            s.Eligibility = EligibilityMode.AllowedDomains;
            s.AllowedDomains = "*.gov.uk";
            s.OutsideDomain = OutsideDomainAction.RequestApproval;
        });

        (await kit.BookAsync("Eve Example", "eve@example.com")).Status.ShouldBe(BookingStatus.AwaitingApproval);
        (await kit.EventAsync()).PlacesTaken.ShouldBe(0);
    }

    [Fact]
    public async Task Settings_with_a_malformed_domain_are_refused()
    {
        await using var kit = await BookingKit.CreateAsync();
        var outcome = await kit.Settings.SaveAsync(Actors.Organiser, new BookingSettings
        {
            EventId = kit.EventId,
            Eligibility = EligibilityMode.AllowedDomains,
            AllowedDomains = "not a domain!",
        });
        outcome.ErrorFor(nameof(BookingSettings.AllowedDomains)).ShouldNotBeNull();
    }
}
