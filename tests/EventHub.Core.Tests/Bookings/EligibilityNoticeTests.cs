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
    public void The_organisers_words_lead_and_the_rule_follows_with_what_a_visitor_must_do()
    {
        var rule = Rule(EligibilityMode.AllowedDomains, "devon.gov.uk\n*.devon.gov.uk", OutsideDomainAction.RequestApproval);
        rule.PlacesAreFor = "  Places are for people who work in the public sector in Devon ";

        EligibilityNotice.Describe(rule).ShouldBe("Places are for people who work in the public sector in Devon. "
            + "Book with an email address ending devon.gov.uk or a subdomain of it. Others may ask for approval.");
    }

    [Fact]
    public void The_organisers_words_stand_alone_when_anyone_may_book_and_come_before_the_approval_rule()
    {
        var open = Rule(EligibilityMode.OpenToAll);
        open.PlacesAreFor = "Mainly for social media officers!";
        var approval = Rule(EligibilityMode.ApprovalRequired);
        approval.PlacesAreFor = "For councillors and their staff.";

        EligibilityNotice.Describe(open).ShouldBe("Mainly for social media officers!");
        EligibilityNotice.Describe(approval).ShouldBe("For councillors and their staff. Every booking needs the organisers' approval: you will hear from them after you book.");
        open.PlacesAreFor = "   ";
        EligibilityNotice.Describe(open).ShouldBeNull();
    }

    [Fact]
    public void An_address_outside_a_refusing_rule_is_refused_with_the_addresses_that_may_book()
    {
        var rule = Rule(EligibilityMode.AllowedDomains, "devon.gov.uk\n*.devon.gov.uk");

        var refusal = EligibilityNotice.RefusalFor(rule, "eve@example.com").ShouldNotBeNull();
        refusal.Code.ShouldBe(BookingErrors.NotEligible.Code);
        refusal.Message.ShouldBe("Only email addresses ending devon.gov.uk or a subdomain of it can book this event. Enter yours if you have one.");
        EligibilityNotice.RefusalFor(rule, "ann@schools.devon.gov.uk").ShouldBeNull();
        EligibilityNotice.OnlyAsRequest(rule, "eve@example.com").ShouldBeFalse();
    }

    [Fact]
    public void An_address_outside_a_rule_that_allows_requests_is_not_refused_but_books_as_a_request()
    {
        var rule = Rule(EligibilityMode.AllowedDomains, "devon.gov.uk", OutsideDomainAction.RequestApproval);

        EligibilityNotice.RefusalFor(rule, "eve@example.com").ShouldBeNull();
        EligibilityNotice.OnlyAsRequest(rule, "eve@example.com").ShouldBeTrue();
        EligibilityNotice.OnlyAsRequest(rule, "ann@devon.gov.uk").ShouldBeFalse();
        EligibilityNotice.RefusalFor(Rule(EligibilityMode.OpenToAll), "eve@example.com").ShouldBeNull();
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
