namespace EventHub.Core.Common;

/// <summary>A lease taken from <see cref="IJobLeases"/>: the job and this holder's unique name for it.</summary>
public sealed record HeldLease(string Job, string Holder);
