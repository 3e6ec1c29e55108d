namespace EventHub.Core.Privacy;

/// <summary>A name and an address that were removed from the bookings, to be looked for in free text (audit details).</summary>
internal sealed record PersonTrace(string Name, string Email);
