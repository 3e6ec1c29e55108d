using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Email;

namespace EventHub.Core.Tests.Proceedings;

public sealed class ProceedingsTemplateTests
{
    [Fact]
    public async Task Every_proceedings_message_has_a_registered_template()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);

        string[] names = [ProceedingsEmailTemplates.FollowUp];
        foreach (var name in names)
        {
            rig.Templates.Names.ShouldContain(name);
        }
    }

    [Fact]
    public async Task The_follow_up_links_to_the_proceedings_and_counts_the_materials()
    {
        await using var rig = await EmailRig.CreateAsync(smtpPort: null);
        var ev = await rig.AddEventAsync(title: "Open <data> day");
        var payload = new FollowUpPayload { RecipientName = "Ann Attendee", ProceedingsPath = $"/events/{ev.Slug}/proceedings", MaterialCount = 4 };

        var mail = await DeliveredMail.DeliverAsync(rig, ProceedingsEmailTemplates.FollowUp, payload, ev.Id);

        mail.Subject.ShouldBe("Notes and materials from Open <data> day");
        mail.TextBody!.ShouldContain($"https://events.devon.example/events/{ev.Slug}/proceedings");
        mail.TextBody!.ShouldContain("Materials: 4 files and links");
        mail.TextBody!.ShouldContain("When: Thursday 3 December 2026, 9:30am to 4pm GMT");
        mail.HtmlBody!.ShouldContain($"href=\"https://events.devon.example/events/{ev.Slug}/proceedings\"");
        mail.HtmlBody!.ShouldContain("Open &lt;data&gt; day");
        mail.HtmlBody!.ShouldNotContain("<data>");
        DeliveredMail.ExternalResource().IsMatch(mail.HtmlBody!).ShouldBeFalse();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
