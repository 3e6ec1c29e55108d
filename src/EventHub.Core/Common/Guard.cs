namespace EventHub.Core.Common;

/// <summary>Thrown when code reaches an organiser-only read without an organiser: a programming error, not a user error.</summary>
public sealed class NotAuthorisedException(string message) : Exception(message);

public static class Guard
{
    public static void Organiser(Actor actor)
    {
        if (!actor.IsOrganiser)
        {
            throw new NotAuthorisedException("This needs an organiser.");
        }
    }

    public static void Administrator(Actor actor)
    {
        if (!actor.IsAdministrator)
        {
            throw new NotAuthorisedException("This needs an administrator.");
        }
    }
}
