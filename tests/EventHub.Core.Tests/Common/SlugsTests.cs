using EventHub.Core.Common;

namespace EventHub.Core.Tests.Common;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Social Media Forum: Winter 2026", "social-media-forum-winter-2026")]
    [InlineData("  Café & Crème  ", "cafe-and-creme")]
    [InlineData("LocalGov -- Open   Space!!", "localgov-open-space")]
    [InlineData("Ünïcödé Ŵëlsh", "unicode-welsh")]
    [InlineData("!!!", "")]
    public void A_slug_is_made_from_the_title(string title, string expected) => Slugs.FromTitle(title).ShouldBe(expected);

    [Fact]
    public void A_long_title_makes_a_slug_no_longer_than_the_limit_and_not_ending_in_a_hyphen()
    {
        var slug = Slugs.FromTitle(string.Join(' ', Enumerable.Repeat("forum", 40)));

        slug.Length.ShouldBeLessThanOrEqualTo(Slugs.MaxLength);
        slug.ShouldNotEndWith("-");
        Slugs.IsValid(slug).ShouldBeTrue();
    }

    [Theory]
    [InlineData("good-slug", true)]
    [InlineData("Bad-Slug", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public void Only_lower_case_words_joined_by_single_hyphens_are_valid(string slug, bool valid) => Slugs.IsValid(slug).ShouldBe(valid);

    [Fact]
    public async Task A_taken_slug_gets_the_next_free_number()
    {
        var taken = new HashSet<string> { "forum", "forum-2" };

        var slug = await Slugs.MakeUniqueAsync("forum", s => Task.FromResult(taken.Contains(s)));

        slug.ShouldBe("forum-3");
    }
}
