namespace EventHub.Core.Invitations;

public static class InvitationRoutes
{
    public const string Prefix = "/account/invitation/";

    /// <summary>The page where an invited person sets their password.</summary>
    public static string Accept(string token) => Prefix + token;
}
