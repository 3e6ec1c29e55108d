using Bunit;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;

namespace EventHub.Web.Tests.Proceedings;

/// <summary>The licence organisers choose for the record, shown on the proceedings page beside the data exports.</summary>
public sealed class LicenceTests : BoardContext
{
    [Fact]
    public async Task Organisers_choose_the_licence_and_the_published_proceedings_state_it_beside_the_exports()
    {
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("#Licence option[selected]").TextContent.ShouldBe("CC BY 4.0"));

        page.Find("#Licence").Change(nameof(ProceedingsLicence.CcBySa4));
        page.Find("[data-testid=save-licence]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldBe("The record is now published under CC BY-SA 4.0."));
        (await Services.GetService<ProceedingsService>()!.SetPublishedAsync(Actors.Organiser, EventId, true)).Succeeded.ShouldBeTrue();
        Auth.SetNotAuthorized();
        var proceedings = Render<ProceedingsPage>(p => p.Add(x => x.Slug, Slug));
        proceedings.WaitForAssertion(() => proceedings.Find("[data-testid=proceedings-licence]").TextContent
            .ShouldContain(LicenceTerms.For(ProceedingsLicence.CcBySa4).Statement));
        proceedings.Find("[data-testid=proceedings-licence] a").GetAttribute("href").ShouldBe("https://creativecommons.org/licenses/by-sa/4.0/");
        proceedings.FindAll("[data-testid=proceedings-exports] a").Select(a => a.GetAttribute("href"))
            .ShouldBe([$"/events/{Slug}/proceedings.json", $"/events/{Slug}/proceedings.csv"]);
    }
}
