namespace EventHub.Core.Common;

/// <summary>How a piece of work run under a lease went (see <see cref="JobLeaseExtensions.RunAloneAsync"/>).</summary>
public enum LeasedRun
{
    /// <summary>Another holder has the lease: the work did not run here.</summary>
    HeldElsewhere,

    /// <summary>The work ran to the end under the lease.</summary>
    Finished,

    /// <summary>The lease could not be renewed (it ran out and another holder took it): the work was stopped.</summary>
    LeaseLost,
}
