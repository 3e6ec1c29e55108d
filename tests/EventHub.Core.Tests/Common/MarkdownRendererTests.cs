using EventHub.Core.Common;

namespace EventHub.Core.Tests.Common;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Markdown_becomes_html() =>
        MarkdownRenderer.ToSafeHtml("Talks and **open discussion**").ShouldContain("<strong>open discussion</strong>");

    [Fact]
    public void Script_tags_are_rendered_inert()
    {
        var html = MarkdownRenderer.ToSafeHtml("Hello <script>alert('x')</script> <img src=x onerror=alert(1)>");

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
    }

    [Fact]
    public void Javascript_links_lose_their_target()
    {
        var html = MarkdownRenderer.ToSafeHtml("[click](javascript:alert(1)) and [ok](https://example.org)");

        html.ShouldNotContain("javascript:", Case.Insensitive);
        html.ShouldContain("href=\"https://example.org\"");
    }

    [Fact]
    public void A_blocked_link_is_plain_text_not_a_link_that_goes_nowhere()
    {
        var html = MarkdownRenderer.ToSafeHtml("[click **here**](javascript:alert(1)) and [ok](https://example.org)");

        html.ShouldBe("<p>click <strong>here</strong> and <a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">ok</a></p>\n");
    }

    [Theory]
    [InlineData("[the data](data:text/html,hi)", "the data")]
    [InlineData("[the feed][r]\n\n[r]: vbscript:msgbox(1)", "the feed")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("[spaced]( javascript:alert(1) )", "spaced")]
    public void Every_kind_of_blocked_link_is_its_plain_text(string markdown, string text)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);

        html.ShouldNotContain("<a", Case.Insensitive);
        html.ShouldContain(text);
    }

    [Fact]
    public void Markdown_for_a_viewer_keeps_formatting_but_escapes_raw_html_and_drops_unsafe_link_targets()
    {
        var md = MarkdownRenderer.ToSafeMarkdown("**Bold** <b onclick=x>hi</b>\n\n<div>\nblock\n</div>\n\n[x](javascript:alert(1)) [y][r] `<code>`\n\n[r]: data:text/html,hi");

        md.ShouldContain("**Bold** &lt;b onclick=x>hi&lt;/b>");
        md.ShouldContain("&lt;div>");
        md.ShouldContain("x y `<code>`");
        md.ShouldNotContain("javascript:");
        md.ShouldNotContain("data:");
    }
}
