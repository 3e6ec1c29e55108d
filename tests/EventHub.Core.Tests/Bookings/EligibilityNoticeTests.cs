using EventHub.Core.Bookings;

namespace EventHub.Core.Tests.Bookings;

public sealed class EligibilityNoticeTests
{
    private static BookingSettings Rule(EligibilityMode mode, string domains = "", OutsideDomainAction outside = OutsideDomainAction.Refuse) =>
        new() { EventId = 1, Eligibility = mode, AllowedDomains = domains, OutsideDomain = outside };

    [Fact]
    public void A_domain_and_its_subdomains_read_as_one_and_others_are_told_they_may_ask_for_approval()
    {
        EligibilityNotice.Describe(Rule(EligibilityMode.AllowedDomains, "devon.gov.uk\n*.devon.gov.uk", OutsideDomainAction.RequestApproval))
            .ShouldBe("Places are for people with an email address ending devon.gov.uk or a subdomain of it. Others may ask for approval.");
    }

    [Fact]
    public void Several_domains_are_listed_and_others_are_told_they_cannot_book_when_the_rule_refuses()
    {
        EligibilityNotice.Describe(Rule(EligibilityMode.AllowedDomains, "devon.gov.uk, cornwall.gov.uk; *.nhs.uk"))
            .ShouldBe("Places are for people with an email address ending devon.gov.uk, cornwall.gov.uk, or .nhs.uk. Other email addresses cannot book.");
    }

    [Fact]
    public void An_event_open_to_all_says_nothing_and_one_that_needs_approval_says_so()
    {
        EligibilityNotice.Describe(Rule(EligibilityMode.OpenToAll)).ShouldBeNull();
        EligibilityNotice.Describe(Rule(EligibilityMode.AllowedDomains, "")).ShouldBeNull();
        EligibilityNotice.Describe(Rule(EligibilityMode.ApprovalRequired))!.ShouldStartWith("Every booking needs the organisers' approval");
    }

    [Fact]
    public void The_notice_agrees_with_the_rule_the_allocator_applies()
    {
        var rule = Rule(EligibilityMode.AllowedDomains, "devon.gov.uk\n*.devon.gov.uk");

        BookingRules.DomainAllowed("ann@devon.gov.uk", rule.AllowedDomainList).ShouldBeTrue();
        BookingRules.DomainAllowed("ann@schools.devon.gov.uk", rule.AllowedDomainList).ShouldBeTrue();
        BookingRules.DomainAllowed("ann@notdevon.gov.uk", rule.AllowedDomainList).ShouldBeFalse();
    }
}
