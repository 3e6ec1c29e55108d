namespace EventHub.Core.Organisers.Security;

/// <summary><c>EventHub:SecurityLog</c>: how long entries are kept.</summary>
public sealed class SecurityLogOptions
{
    /// <summary>Days an entry is kept before the retention sweep deletes it (at least 1; default a year).</summary>
    public int KeepDays { get; set; } = 365;
}
