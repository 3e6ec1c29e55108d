namespace EventHub.Core.Events;

public sealed class SeriesInput
{
    public string Name { get; set; } = string.Empty;

    public string Slug { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>Leave empty to use the site's default privacy notice.</summary>
    public string PrivacyNotice { get; set; } = string.Empty;
}
