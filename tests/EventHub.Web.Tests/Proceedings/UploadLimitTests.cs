using Bunit;
using EventHub.Core.Proceedings;
using EventHub.Core.Tests.Support;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Tests.OpenSpace;

namespace EventHub.Web.Tests.Proceedings;

public sealed class UploadLimitTests : BoardContext
{
    [Fact]
    public async Task Organisers_set_the_upload_limit_in_megabytes_and_values_outside_1_to_200_are_refused()
    {
        var page = Render<RecordPage>(p => p.Add(x => x.Id, EventId));
        page.WaitForAssertion(() => page.Find("#MaxUploadMegabytes").GetAttribute("value").ShouldBe("25"));

        page.Find("#MaxUploadMegabytes").Change("201");
        page.Find("[data-testid=save-upload-limit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=error-summary]").TextContent.ShouldContain("The largest file size must be between 1 and 200 MB"));
        page.Find("#MaxUploadMegabytes").GetAttribute("value").ShouldBe("201");
        (await Services.GetService<ProceedingsService>()!.GetSettingsAsync(Actors.Organiser, EventId))!.MaxUploadBytes.ShouldBe(ProceedingsSettings.DefaultMaxUploadBytes);

        page.Find("#MaxUploadMegabytes").Change("50");
        page.Find("[data-testid=save-upload-limit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-message]").TextContent.ShouldContain("up to 50 MB"));
        page.FindAll("[data-testid=error-summary]").ShouldBeEmpty();
        (await Services.GetService<ProceedingsService>()!.GetSettingsAsync(Actors.Organiser, EventId))!.MaxUploadBytes.ShouldBe(50L * 1024 * 1024);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("")]
    [InlineData("-1")]
    public async Task Upload_limits_that_are_not_a_whole_number_from_1_to_200_are_refused_by_the_service(string typed)
    {
        var outcome = await Services.GetService<MaterialService>()!.SetUploadLimitMegabytesAsync(Actors.Organiser, EventId, typed);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Errors.ShouldHaveSingleItem().Field.ShouldBe("MaxUploadMegabytes");
    }
}
