using System.Net;
using System.Text.RegularExpressions;
using EventHub.Core.Data;
using EventHub.Core.Organisers;
using EventHub.EndToEnd.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EventHub.EndToEnd.Tests.Account;

/// <summary>
/// First-run setup on an empty database in the Production environment, over plain HTTP as a stranger would try it:
/// a host of its own, with the setup code set in configuration.
/// </summary>
public sealed partial class FirstRunSetupTests : IAsyncLifetime
{
    private const string Code = "K7QM-3XPR-9TWD";

    private AppHost _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new AppHost(new Dictionary<string, string?> { ["EventHub:SetupCode"] = Code }, environment: "Production");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Setup_needs_the_code_then_makes_one_administrator_and_is_gone()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(_app.BaseUrl),
        };

        var withoutCode = await PostSetupAsync(client, code: string.Empty);
        withoutCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withoutCode.Content.ReadAsStringAsync(Ct)).ShouldContain(OrganiserErrors.WrongSetupCode.Message.Replace("'", "&#x27;", StringComparison.Ordinal));
        var wrongCode = await PostSetupAsync(client, code: "AAAA-BBBB-CCCC");
        (await wrongCode.Content.ReadAsStringAsync(Ct)).ShouldContain("There is a problem");
        (await AdministratorsAsync()).ShouldBe(0);

        // Typed in lower case with spaces: the code is read as the person sees it in the log.
        var withCode = await PostSetupAsync(client, code: " k7qm 3xpr 9twd ");

        withCode.StatusCode.ShouldBe(HttpStatusCode.Redirect, await withCode.Content.ReadAsStringAsync(Ct));
        withCode.Headers.Location!.OriginalString.ShouldEndWith("/organiser/events");
        (await AdministratorsAsync()).ShouldBe(1);
        (await client.GetAsync("/setup", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var again = await _app.Service<FirstRunSetup>().CreateFirstAdministratorAsync(
            new OrganiserInput("Eve", "eve@example.com", "another long password", true), Code, Ct);
        again.ErrorCode.ShouldBe(OrganiserErrors.AlreadySetUp.Code);
    }

    private async Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string code)
    {
        var form = await client.GetStringAsync("/setup", Ct);
        form.ShouldContain("Setup code");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.SetupCode"] = code;
        fields["Input.DisplayName"] = "Ada Admin";
        fields["Input.Email"] = "ada@devon.gov.uk";
        fields["Input.Password"] = "correct horse battery";
        fields["Input.ConfirmPassword"] = "correct horse battery";
        return await client.PostAsync("/setup", new FormUrlEncodedContent(fields), Ct);
    }

    private async Task<int> AdministratorsAsync()
    {
        await using var db = await _app.Service<IDbContextFactory<EventHubDbContext>>().CreateDbContextAsync(Ct);
        return await db.Users.CountAsync(u => u.IsAdministrator, Ct);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
