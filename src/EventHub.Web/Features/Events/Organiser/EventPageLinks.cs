using EventHub.Core.Events;
using EventHub.Core.Events.Access;

namespace EventHub.Web.Features.Events.Organiser;

/// <summary>
/// Links other features add to an event's organiser page (attendees, check-in, board…), each with the permission its
/// page needs, so the page offers a door volunteer the door and not the mail. One line per feature keeps the event page
/// free of feature knowledge and merges trivial. The pages behind the links check again: hiding a link is no guard.
/// </summary>
public static class EventPageLinks
{
    private static readonly List<(Permission Needs, Func<Event, (string Href, string Text)?> Link)> Providers = [];
    private static readonly Lock Gate = new();

    /// <summary>
    /// Adds a feature's link, once: test runs start several app hosts in one process, each mapping every feature again,
    /// and a lambda that captures nothing is the same delegate every time, so adding it again changes nothing.
    /// </summary>
    public static void Add(Permission needs, Func<Event, (string Href, string Text)?> provider)
    {
        lock (Gate)
        {
            if (!Providers.Contains((needs, provider)))
            {
                Providers.Add((needs, provider));
            }
        }
    }

    /// <summary>The links for one event that <paramref name="permissions"/> allow, each once.</summary>
    public static IReadOnlyList<(string Href, string Text)> For(Event ev, EventPermissions permissions)
    {
        lock (Gate)
        {
            return [.. Providers.Where(p => permissions.Has(p.Needs)).Select(p => p.Link(ev)).Where(l => l is not null).Select(l => l!.Value)];
        }
    }
}
