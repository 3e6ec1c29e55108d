namespace EventHub.Core.Dashboards;

/// <summary>An organisation as its email domain ("devon.gov.uk") and how many confirmed places it holds.</summary>
public sealed record DomainCount(string Domain, int Confirmed);
