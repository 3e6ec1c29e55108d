namespace EventHub.Core.Common;

/// <summary>Refusals every feature shares. Feature-specific words live in each feature's own catalogue.</summary>
public static class CommonRefusals
{
    public static readonly Refusal SignInAsOrganiser =
        Refusal.Forbidden("forbidden", "Sign in as an organiser to do that.");

    public static readonly Refusal AdministratorsOnly =
        Refusal.Forbidden("administrators_only", "Only administrators can do that.");

    public static readonly Refusal NotFound =
        Refusal.NotFound("not_found", "We could not find that. It may have been removed.");

    public static readonly Refusal LinkNotValid =
        Refusal.NotFound("link_not_valid", "This link is not valid.");
}
