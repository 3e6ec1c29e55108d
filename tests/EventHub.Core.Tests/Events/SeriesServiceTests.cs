using EventHub.Core.Common;
using EventHub.Core.Events;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Events;

public sealed class SeriesServiceTests
{
    [Fact]
    public async Task A_series_gets_a_unique_slug_and_a_taken_one_is_refused()
    {
        await using var services = await CoreServices.CreateAsync();
        var series = services.Get<SeriesService>();

        var first = await series.CreateAsync(Actors.Organiser, new SeriesInput { Name = "Devon Social Media Forum" });
        var second = await series.CreateAsync(Actors.Organiser, new SeriesInput { Name = "Devon Social Media Forum" });
        var byHand = await series.CreateAsync(Actors.Organiser, new SeriesInput { Name = "Other", Slug = "devon-social-media-forum" });

        first.Value!.Slug.ShouldBe("devon-social-media-forum");
        second.Value!.Slug.ShouldBe("devon-social-media-forum-2");
        byHand.ErrorFor("Slug").ShouldNotBeNull();
        (await series.CreateAsync(Actor.Anonymous, new SeriesInput { Name = "X" })).ErrorCode.ShouldBe(ErrorCodes.Forbidden);
    }
}
