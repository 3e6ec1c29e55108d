using EventHub.Core.Email;
using EventHub.Core.Invitations.Emails;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Invitations;

public static class InvitationsServiceCollectionExtensions
{
    /// <summary>Invitations by email and their mail. Needs AddOrganisers() and AddEmail().</summary>
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddSingleton<InvitationService>();
        services.AddSingleton<SingleSignOn>();
        services.AddEmailTemplatesBeside<InvitationEmail>();
        return services;
    }
}
