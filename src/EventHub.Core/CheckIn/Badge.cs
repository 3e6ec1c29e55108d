namespace EventHub.Core.CheckIn;

/// <summary>One name badge: what is printed on it (never needs) and the ticket's check-in code for its QR.</summary>
public sealed record Badge(string Name, string Organisation, string CheckInCode);
