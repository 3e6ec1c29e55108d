using EventHub.Core.Events;

namespace EventHub.Core.Proceedings;

public enum MaterialKind
{
    File = 0,
    Link = 1,
}
