using Microsoft.Playwright;

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>
/// A browser journey on the <see cref="SharedApp"/>: <see cref="App"/> is the running app, <see cref="NewPageAsync"/>
/// opens a fresh browser context that is closed when the test ends (so no circuit outlives its test), and
/// <see cref="SignedInPageAsync"/> gives a page signed in as a new organiser of its own.
/// </summary>
public abstract class Journey(SharedApp shared, BrowserFixture browser) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    protected AppHost App { get; } = shared.Host;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected async Task<IPage> NewPageAsync(bool phone = false, bool javaScript = true)
    {
        var page = await browser.NewPageAsync(phone, javaScript);
        _contexts.Add(page.Context);
        return page;
    }

    /// <summary>A page signed in as a new administrator made for this test (its email is unique in the shared database).</summary>
    protected async Task<(IPage Page, OrganiserLogin Organiser)> SignedInPageAsync(string name = "Olive Organiser")
    {
        var organiser = await App.NewOrganiserAsync(name);
        var page = await NewPageAsync();
        await page.SignInAsync(App, organiser);
        return (page, organiser);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed.
            }
        }

        GC.SuppressFinalize(this);
    }
}
