using EventHub.Core.Proceedings;

namespace EventHub.Core.Tests.Proceedings;

/// <summary>
/// Merging two sessions' notes keeps each convener text whole, as it was typed, and names a convener once: a comma is
/// part of what people write ("Ann, library"), not a list of names to split and match one by one.
/// </summary>
public sealed class SessionRecordMergeTests
{
    [Theory]
    [InlineData("Ann, library", "Bea, library", "Ann, library; Bea, library")]
    [InlineData("Smith, Ann", "Smith, Bob", "Smith, Ann; Smith, Bob")]
    [InlineData("Ann, library", "ann, Library ", "Ann, library")]
    [InlineData("Ann", "ann", "Ann")]
    [InlineData("", "Bea, museum", "Bea, museum")]
    [InlineData("Ann, library", "", "Ann, library")]
    [InlineData("Ann, library; Bea, museum", "Bea, museum", "Ann, library; Bea, museum")]
    [InlineData("Ann, library; Bea, museum", "Cy", "Ann, library; Bea, museum; Cy")]
    public void Each_conveners_text_is_kept_whole_and_named_once(string mine, string theirs, string merged) =>
        SessionRecordMerge.JoinNames(mine, theirs).ShouldBe(merged);
}
