using EventHub.Core.Bookings;
using EventHub.Core.CheckIn;
using EventHub.Core.Common;
using EventHub.Core.Dashboards;
using EventHub.Core.Data;
using EventHub.Core.Demo;
using EventHub.Core.Email;
using EventHub.Core.Events;
using EventHub.Core.Feedback;
using EventHub.Core.Invitations;
using EventHub.Core.FollowUps;
using EventHub.Core.MailingLists;
using EventHub.Core.NewsRoom;
using EventHub.Core.OpenSpace;
using EventHub.Core.Proceedings;
using EventHub.Core.Organisers;
using EventHub.Core.Polls;
using EventHub.Core.Privacy;
using EventHub.Web.Components;
using EventHub.Web.Features.Account;
using EventHub.Web.Features.Bookings;
using EventHub.Web.Features.CheckIn;
using EventHub.Web.Features.Dashboards;
using EventHub.Web.Features.Events;
using EventHub.Web.Features.Feedback;
using EventHub.Web.Features.FollowUps;
using EventHub.Web.Features.MailingLists;
using EventHub.Web.Features.OpenSpace;
using EventHub.Web.Features.Privacy;
using EventHub.Web.Features.Proceedings;
using EventHub.Web.Features.Site;
using EventHub.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

// Data: EventHub:Database:Provider picks the engine (Sqlite, the default, or PostgreSql); ConnectionStrings:EventHub
// says where. SQLite without a connection string is a file under the data folder.
var dataFolder = Path.GetFullPath(builder.Configuration["EventHub:DataFolder"] ?? "data", builder.Environment.ContentRootPath);
builder.Services.Configure<DataOptions>(o => o.DataFolder = dataFolder);
var provider = builder.Configuration.GetValue("EventHub:Database:Provider", DatabaseProvider.Sqlite);
var connectionString = builder.Configuration.GetConnectionString("EventHub") is { Length: > 0 } configured
    ? configured
    : provider == DatabaseProvider.Sqlite
        ? DataServiceCollectionExtensions.DefaultConnectionString(dataFolder)
        : throw new InvalidOperationException("EventHub:Database:Provider is PostgreSql: set ConnectionStrings:EventHub.");

builder.Services.AddSingleton(TimeProvider.System);
// Background jobs claim their work with leases in the database, so they are safe on every node;
// EventHub:BackgroundJobs:Enabled=false keeps them off this node (see docs/deployment.md).
builder.Services.Configure<BackgroundJobOptions>(builder.Configuration.GetSection(BackgroundJobOptions.Section));
builder.Services.AddEventHubData(provider, connectionString);
// Data-protection keys live in the database, so every app node reads the same key ring. The key store resolves the
// context from a scope; features keep using the factory (one short-lived context per operation).
builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EventHubDbContext>>().CreateDbContext());
builder.Services.AddDataProtection()
    .SetApplicationName("EventHub")
    .PersistKeysToDbContext<EventHubDbContext>();

// Features
builder.Services.AddOrganisers().AddSignInManager();
// The cookie check also applies "organisers must sign in with single sign-on" to password sessions already open.
builder.Services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, OrganiserSessionValidator>());
builder.Services.Configure<EventHub.Core.Organisers.Security.SecurityLogOptions>(builder.Configuration.GetSection("EventHub:SecurityLog"));
builder.Services.Configure<FirstRunOptions>(o =>
{
    o.RequireCode = !builder.Environment.IsDevelopment();
    o.Code = builder.Configuration["EventHub:SetupCode"];
});
builder.Services.AddEvents();
builder.Services.Configure<SiteSettings>(builder.Configuration.GetSection(SiteSettings.Section));
builder.Services.AddBookings();
builder.Services.Configure<EventHub.Core.Bookings.BookingOptions>(builder.Configuration.GetSection(EventHub.Core.Bookings.BookingOptions.Section));
builder.Services.AddCheckIn();
builder.Services.AddDashboards();
builder.Services.AddEmail(builder.Configuration);
builder.Services.AddFeedback();
builder.Services.AddInvitations();
builder.Services.AddFollowUps();
builder.Services.AddMailingLists();
builder.Services.AddPolls(builder.Configuration);
builder.Services.AddOpenSpace().AddNewsRoom().AddProceedings();
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddSingleton<DemoData>();

// Organiser sign-in
var authentication = builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme);
// Optional single sign-on with an OpenID Connect provider (EventHub:SingleSignOn); unknown people need an invitation.
authentication.AddSingleSignOn(builder.Configuration);
authentication.AddIdentityCookies(cookies =>
    cookies.ApplicationCookie?.Configure(options =>
    {
        options.LoginPath = "/account/login";
        options.AccessDeniedPath = "/account/login";
        options.Cookie.Name = "EventHub.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
    }));
// While administrators require two-step sign-in, a sign-in without it (OrganiserClaims.TwoStepNeeded) passes only the
// SignedIn policy of the page that turns it on; every other page and endpoint refuses it (and Core sees no organiser).
builder.Services.AddAuthorizationBuilder()
    .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser()
        .RequireAssertion(c => !c.User.HasClaim(OrganiserClaims.TwoStepNeeded, "true")).Build())
    .AddPolicy(OrganiserClaims.AdministratorPolicy, policy => policy.RequireClaim(OrganiserClaims.Administrator, "true")
        .RequireAssertion(c => !c.User.HasClaim(OrganiserClaims.TwoStepNeeded, "true")))
    .AddPolicy(OrganiserClaims.DataRequestsPolicy, policy => policy
        .RequireAssertion(c => (c.User.HasClaim(OrganiserClaims.Administrator, "true") || c.User.HasClaim(OrganiserClaims.DataRequests, "true"))
            && !c.User.HasClaim(OrganiserClaims.TwoStepNeeded, "true")))
    .AddPolicy(OrganiserClaims.SignedInPolicy, policy => policy.RequireAuthenticatedUser());
builder.Services.AddCascadingAuthenticationState();
// Open circuits re-check the sign-in every 30 s, and each request's cookie every minute: a disabled organiser, a
// changed password or a new site role ends the old sessions within a minute.
builder.Services.AddScoped<AuthenticationStateProvider, OrganiserAuthenticationStateProvider>();
// (The cookie check is OrganiserSessionValidator, registered above: it keeps a single sign-on session's claim.)
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.AddSignInThrottle(builder.Configuration);
builder.Services.AddPublicActionLimits(builder.Configuration);
builder.Services.AddScoped<CurrentActor>();

// Behind a reverse proxy that terminates HTTPS: trust its X-Forwarded-For/-Proto/-Host (only when configured).
var forwardedHeaders = builder.Configuration.GetValue<bool>("EventHub:ForwardedHeaders");
if (forwardedHeaders)
{
    builder.Services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
    });
}

// UI
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
// Live places left (a Server-Sent Events stream) and output caching of the public read pages, both fed by the live signal.
builder.Services.AddSingleton<PlacesFeed>();
builder.Services.AddPublicPageCache(builder.Configuration);

var app = builder.Build();

await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
if (app.Environment.IsDevelopment() && await app.Services.GetRequiredService<DemoData>().SeedIfEmptyAsync())
{
    app.Logger.LogInformation("Demo data created. Sign in as {Email} with password {Password}", DemoData.OrganiserEmail, DemoData.OrganiserPassword);
    app.Logger.LogInformation("A door volunteer (Door on the upcoming forum only) signs in as {Email} with password {Password}", DemoData.DoorEmail, DemoData.DoorPassword);
}
else if (app.Environment.IsDevelopment())
{
    app.Logger.LogInformation("Demo organiser (if you kept the demo data): {Email} / {Password}", DemoData.OrganiserEmail, DemoData.OrganiserPassword);
    app.Logger.LogInformation("Demo door volunteer (if you kept the demo data): {Email} / {Password}", DemoData.DoorEmail, DemoData.DoorPassword);
}

var firstRun = app.Services.GetRequiredService<FirstRunSetup>();
if (firstRun.RequiresCode && await firstRun.IsRequiredAsync())
{
    // The one place the code is shown: whoever can read the server's log may set the site up.
    app.Logger.LogWarning("EventHub has no administrator yet. Open /setup and enter the setup code {SetupCode}", firstRun.SetupCode);
}

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("EventHub is serving {Urls} (data folder: {DataFolder})", string.Join(", ", app.Urls), dataFolder));

if (forwardedHeaders)
{
    app.UseForwardedHeaders();
}

app.UseRequestTimings();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseFormPostStatusPages();
app.UseRateLimiter();
app.UsePublicActionLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseOutputCache();
app.UseBookingFormShell();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapSingleSignOn();
app.MapBookingEndpoints();
app.MapCheckInEndpoints();
app.MapMailingListEndpoints();
app.MapFollowUpEndpoints();
app.MapFeedbackEndpoints();
app.MapOpenSpace();
app.MapProceedings();
app.MapCalendarFeeds();
app.MapPlacesStream();
app.MapPrivacyEndpoints();
app.MapDashboardEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>Exposed so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
