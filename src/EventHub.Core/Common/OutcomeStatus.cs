namespace EventHub.Core.Common;

/// <summary>How a use case ended. Pages and endpoints map Forbidden and NotFound to their own answers (403/404).</summary>
public enum OutcomeStatus
{
    Ok = 0,

    /// <summary>One or more fields were wrong; the person can correct them.</summary>
    Invalid = 1,

    /// <summary>A rule said no (sold out, closed, not eligible).</summary>
    Refused = 2,

    /// <summary>The actor may not do this.</summary>
    Forbidden = 3,

    /// <summary>The thing does not exist, or the actor may not know it does.</summary>
    NotFound = 4,

    /// <summary>The state changed under the person (someone else got there first, it is in use).</summary>
    Conflict = 5,
}
