using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// A real OpenID Connect provider (an OpenIddict server) on a free loopback port, for single sign-on journeys. Its
/// clients, codes and tokens live in a SQLite file of its own; signing keys are made for this run. Whoever is sent to
/// its authorisation endpoint is signed in straight away as <see cref="SignedInEmail"/>: the test decides who that is.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "eventhub";
    public const string ClientSecret = "a test secret that is long enough";

    private readonly WebApplication _app;
    private readonly string _folder;

    private TestOpenIdProvider(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    /// <summary>The issuer address: the port Kestrel actually bound.</summary>
    public string Authority =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";

    /// <summary>The person the provider vouches for at the next sign-in.</summary>
    public string SignedInEmail { get; set; } = "nobody@example.org";

    /// <summary>The <c>email_verified</c> claim the provider sends with the address; none when null (as Microsoft Entra ID).</summary>
    public bool? EmailVerified { get; set; }

    public static async Task<TestOpenIdProvider> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "eventhub-idp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Services.AddDbContext<ProviderDb>(o =>
        {
            o.UseSqlite($"Data Source={Path.Combine(folder, "idp.db")}");
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow();
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        TestOpenIdProvider? provider = null;
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var email = provider!.SignedInEmail;
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, "subject-" + email).SetClaim(Claims.Email, email).SetClaim(Claims.Name, email);
            if (provider.EmailVerified is { } verified)
            {
                identity.SetClaim(Claims.EmailVerified, verified);
            }
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        provider = new TestOpenIdProvider(app, folder);
        return provider;
    }

    /// <summary>Registers EventHub as a client whose sign-in comes back to <paramref name="appBaseUrl"/>.</summary>
    public async Task RegisterClientAsync(string appBaseUrl)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { new Uri(appBaseUrl.TrimEnd('/') + "/signin-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder: left for the OS to clean.
        }
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
