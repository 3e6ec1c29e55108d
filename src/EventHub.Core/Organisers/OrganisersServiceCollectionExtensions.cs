using EventHub.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.Core.Organisers;

public static class OrganisersServiceCollectionExtensions
{
    /// <summary>Identity for organisers: EF Core stores in the EventHub database, lockout after 5 failures.</summary>
    public static IdentityBuilder AddOrganisers(this IServiceCollection services)
    {
        services.AddSingleton<OrganiserAccounts>();
        services.AddSingleton<FirstRunSetup>();
        services.AddOptions<Security.SecurityLogOptions>();
        services.AddSingleton<Security.SecurityLog>();
        services.AddSingleton<TwoStepSignIn>();
        services.AddSingleton<SiteSignInPolicy>();
        services.AddSingleton<SingleSignOnPassword>();
        // UserManager needs a scoped DbContext; AddDbContextFactory alone does not register one.
        services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<EventHubDbContext>>().CreateDbContext());
        return services.AddIdentityCore<Organiser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // "Confirmed" means "not disabled" here (ActiveOrganiserConfirmation): Identity then refuses their sign-in.
                options.SignIn.RequireConfirmedAccount = true;
                // NCSC: length and a deny-list of common passwords (CommonPasswordValidator), no composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<EventHubDbContext>()
            .AddUserStore<OrganiserUserStore>()
            .AddUserConfirmation<ActiveOrganiserConfirmation>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<OrganiserClaimsFactory>()
            // Two-step sign-in with an authenticator app (TwoStepSignIn).
            .AddTokenProvider<AuthenticatorTokenProvider<Organiser>>(TokenOptions.DefaultAuthenticatorProvider);
    }
}
