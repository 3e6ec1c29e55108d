namespace EventHub.Core.Common;

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
