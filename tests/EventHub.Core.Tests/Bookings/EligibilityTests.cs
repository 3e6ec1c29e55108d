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
    public async Task Who_the_places_are_for_is_saved_trimmed_and_shown_with_the_rule_and_a_long_one_is_refused_not_cut()
    {
        await using var kit = await BookingKit.CreateAsync();
        var notice = new EligibilityNotice(kit.Database);
        await kit.SettingsAsync(s =>
        {
            s.Eligibility = EligibilityMode.AllowedDomains;
            s.AllowedDomains = "devon.gov.uk";
            s.PlacesAreFor = " Places are for people who work in the public sector in Devon ";
        });

        (await notice.ForEventAsync(kit.EventId)).ShouldBe(
            "Places are for people who work in the public sector in Devon. Book with an email address ending devon.gov.uk. Other email addresses cannot book.");

        var tooLong = await kit.Settings.SaveAsync(Actors.Organiser, new BookingSettings { EventId = kit.EventId, PlacesAreFor = new string('a', BookingRules.MaxPlacesAreForLength + 1) });
        tooLong.ErrorFor(nameof(BookingSettings.PlacesAreFor)).ShouldBe($"Who the places are for must be {BookingRules.MaxPlacesAreForLength} characters or fewer (it has {BookingRules.MaxPlacesAreForLength + 1})");
        (await kit.Settings.GetAsync(Actors.Organiser, kit.EventId))!.PlacesAreFor.ShouldBe("Places are for people who work in the public sector in Devon");
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
