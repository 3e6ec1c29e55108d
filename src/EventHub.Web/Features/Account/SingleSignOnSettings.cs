using System.Security.Claims;
using EventHub.Core.Invitations;
using EventHub.Core.Organisers;
using EventHub.Core.Organisers.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EventHub.Web.Features.Account;

/// <summary>
/// <c>EventHub:SingleSignOn</c>: organisers may sign in through one OpenID Connect provider (Microsoft Entra ID, Google
/// Workspace or any standard one). Off unless <see cref="Authority"/> and <see cref="ClientId"/> are set.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "EventHub:SingleSignOn";

    public const string Scheme = "oidc";

    /// <summary>The provider's issuer address; its discovery document is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The words on the button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your organisation's account";

    /// <summary>Only for a provider on a loopback test host: real providers serve their metadata over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsOn => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

public static class SingleSignOnSetup
{
    /// <summary>Adds the OpenID Connect scheme when configured. Its result lands in Identity's external cookie, read once.</summary>
    public static AuthenticationBuilder AddSingleSignOn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SingleSignOnSettings.Section).Get<SingleSignOnSettings>() ?? new();
        authentication.Services.Configure<SingleSignOnSettings>(configuration.GetSection(SingleSignOnSettings.Section));
        if (!settings.IsOn)
        {
            return authentication;
        }

        return authentication.AddOpenIdConnect(SingleSignOnSettings.Scheme, settings.DisplayName, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.ResponseType = "code";
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax.
            options.ResponseMode = "query";
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.MapInboundClaims = false;
            options.Scope.Add("email");
            options.SaveTokens = false;
        });
    }

    public static IEndpointRouteBuilder MapSingleSignOn(this IEndpointRouteBuilder app)
    {
        // A link, not a form: the page's form-action 'self' would stop a form's redirect to the provider. Starting a
        // sign-in changes nothing here, and the provider's answer is checked against this browser's correlation cookie.
        app.MapGet("/account/login/sso", ([FromServices] IOptions<SingleSignOnSettings> settings) =>
            settings.Value.IsOn
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = "/account/login/sso/done" }, [SingleSignOnSettings.Scheme])
                : Results.NotFound());

        app.MapGet("/account/login/sso/done", async (HttpContext context, [FromServices] SingleSignOn singleSignOn,
            [FromServices] SignInManager<Organiser> signIn, [FromServices] SiteSignInPolicy twoStep, [FromServices] IOptions<SingleSignOnSettings> settings, [FromServices] TimeProvider clock) =>
        {
            var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await context.SignOutAsync(IdentityConstants.ExternalScheme);
            if (!external.Succeeded)
            {
                return Results.LocalRedirect("/account/login?sso=failed");
            }

            var email = external.Principal.FindFirstValue("email") ?? external.Principal.FindFirstValue(ClaimTypes.Email);
            // Providers that verify every address (Microsoft Entra ID) send no email_verified claim; only an explicit false refuses.
            var verified = !string.Equals(external.Principal.FindFirstValue("email_verified"), "false", StringComparison.OrdinalIgnoreCase);
            var outcome = await singleSignOn.SignInAsync(email, verified, settings.Value.DisplayName, context.Connection.RemoteIpAddress?.ToString(), context.RequestAborted);
            if (!outcome.Succeeded)
            {
                var result = outcome.ErrorCode == InvitationErrors.SingleSignOnDisabled.Code ? "failed"
                    : outcome.ErrorCode == InvitationErrors.EmailNotVerified.Code ? "unverified" : "not-invited";
                return Results.LocalRedirect("/account/login?sso=" + result);
            }

            // As SignInAsync with an authentication method, plus the time: a fresh single sign-on may set a first password.
            await signIn.SignInWithClaimsAsync(outcome.Value!, isPersistent: false,
            [
                new Claim(ClaimTypes.AuthenticationMethod, SingleSignOnSettings.Scheme),
                new Claim(OrganiserClaims.SingleSignOnAt, clock.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ]);
            return Results.LocalRedirect(await twoStep.IsNeededByAsync(outcome.Value!.Id, context.RequestAborted) ? TwoStepPage.Path : "/organiser/events");
        });
        return app;
    }
}
