namespace EventHub.Core.Common;

/// <summary>
/// Who runs this EventHub (configuration section <c>EventHub:Site</c>): named in the privacy notice, the
/// accessibility statement and the footer.
/// </summary>
public sealed class SiteSettings
{
    public const string Section = "EventHub:Site";

    /// <summary>The data controller named in the privacy notice, e.g. "Devon County Council".</summary>
    public string ControllerName { get; set; } = "The organisers of these events";

    /// <summary>The organisation that publishes the site (the accessibility statement's "we").</summary>
    public string Organisation { get; set; } = "The organisers of these events";

    public string ContactEmail { get; set; } = string.Empty;

    public string ContactAddress { get; set; } = string.Empty;
}
