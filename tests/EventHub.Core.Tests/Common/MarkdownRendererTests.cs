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
}
