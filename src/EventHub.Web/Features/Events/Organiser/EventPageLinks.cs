using EventHub.Core.Events;

namespace EventHub.Web.Features.Events.Organiser;

/// <summary>
/// Links other features add to an event's organiser page (attendees, check-in, board…). One line per feature
/// keeps the event page free of feature knowledge and merges trivial.
/// </summary>
public static class EventPageLinks
{
    private static readonly List<Func<Event, (string Href, string Text)?>> Providers = [];

    public static void Add(Func<Event, (string Href, string Text)?> provider) => Providers.Add(provider);

    public static IEnumerable<(string Href, string Text)> For(Event ev) =>
        Providers.Select(p => p(ev)).Where(l => l is not null).Select(l => l!.Value);
}
