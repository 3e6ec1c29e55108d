using EventHub.Core.Common;
using EventHub.Core.Organisers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// The real app on a real Kestrel port (127.0.0.1, free port) with its own temporary data folder and SQLite file.
/// Environment "Testing" unless a test asks for another (first-run setup in "Production"): no demo data. <see cref="Settings"/> lets a test add configuration (mail, features).
/// </summary>
public sealed class AppHost : WebApplicationFactory<Program>
{
    private readonly string _environment;

    public AppHost(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Testing")
    {
        _environment = environment;
        DataFolder = Path.Combine(Path.GetTempPath(), "eventhub-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        Settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string DataFolder { get; }

    public string BaseUrl { get; }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public string Url(string path) => BaseUrl + path;

    /// <summary>
    /// Adds an organiser with an email no other test uses, so journeys can share one database. The first organiser of
    /// an empty database is its administrator, as the setup page would make them.
    /// </summary>
    public async Task<OrganiserLogin> NewOrganiserAsync(string name = "Olive Organiser", bool isAdministrator = true)
    {
        var login = new OrganiserLogin(name, $"organiser-{Guid.NewGuid():N}@devon.gov.uk", "correct horse battery");
        var input = new OrganiserInput(login.DisplayName, login.Email, login.Password, isAdministrator);
        var setup = Service<FirstRunSetup>();
        // Journeys run in parallel: when another one made the first administrator meanwhile, add an organiser instead.
        var created = await setup.IsRequiredAsync() ? await setup.CreateFirstAdministratorAsync(input, setup.SetupCode) : null;
        if (created is not { Succeeded: true })
        {
            created = await Service<OrganiserAccounts>().AddOrganiserAsync(Actor.System, input);
        }
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        return login;
    }

    /// <summary>Makes the first administrator as <c>/setup</c> would, with the code this app holds.</summary>
    public async Task<Core.Common.Outcome<Organiser>> CreateFirstAdministratorAsync(OrganiserInput input)
    {
        var setup = Service<FirstRunSetup>();
        return await setup.CreateFirstAdministratorAsync(input, setup.SetupCode);
    }

    /// <summary>An event 30 days ahead, created and published by the system (as an administrator would): its id.</summary>
    public async Task<int> PublishedEventAsync(string title, int capacity)
    {
        var events = Service<Core.Events.EventService>();
        var day = DateTime.UtcNow.Date.AddDays(30);
        var created = await events.CreateAsync(Actor.System, new Core.Events.EventInput
        {
            Title = title, Capacity = capacity, VenueName = "County Hall",
            StartLocal = day.AddHours(10), EndLocal = day.AddHours(17),
        });
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Message)));
        (await events.SetStatusAsync(Actor.System, created.Value!.Id, Core.Events.EventStatus.Published)).Succeeded.ShouldBeTrue();
        return created.Value.Id;
    }

    /// <summary>A plain HTTP client against the real port (no cookies kept between tests).</summary>
    public HttpClient CreateHttpClient(bool followRedirects = true) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // Outside Development the dev-time static web assets map (which serves the top-level wwwroot) is off.
        builder.UseStaticWebAssets();
        builder.UseSetting("EventHub:DataFolder", DataFolder);
        builder.UseSetting("ConnectionStrings:EventHub", $"Data Source={Path.Combine(DataFolder, "eventhub.db")};Default Timeout=30");
        // Every journey signs in from 127.0.0.1: a limit far above what a run needs (a test may set its own).
        builder.UseSetting("EventHub:SignIn:AttemptsPerWindow", "100000");
        // Journeys share one address and one app: public-action limits are off unless a test turns them on.
        builder.UseSetting("EventHub:RateLimits:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (BrowserFixture.Current is { } browser)
        {
            await browser.CloseContextsOnAsync(BaseUrl);
        }

        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder: left for the OS to clean.
        }
    }
}
