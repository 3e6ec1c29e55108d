namespace EventHub.Core.Common;

/// <summary>
/// Broken-invariant checks, which throw. Decided in round 7: a refusal a person can meet is an
/// <see cref="Outcome{T}"/> (an organiser without the role gets Forbidden or NotFound from
/// <c>EventAccess.CheckAsync</c>). Reaching a use case with no organiser at all cannot happen through the app: every
/// organiser page and endpoint requires a signed-in organiser (the endpoint access tests walk them all), and a sign-in
/// still owing two-step gets no organiser pages. So this guard does not answer Forbidden; it throws, loudly, because
/// a page or endpoint has lost its <c>[Authorize]</c>.
/// </summary>
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
