namespace EventHub.Core.MailingLists;

public sealed record ListSeries(int Id, string Name, string Slug);
