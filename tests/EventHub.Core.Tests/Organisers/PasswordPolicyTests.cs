using EventHub.Core.Common;
using EventHub.Core.Organisers;
using EventHub.Core.Tests.Support;

namespace EventHub.Core.Tests.Organisers;

/// <summary>NCSC password guidance through real Identity: 12 characters, no common passwords, no composition rules.</summary>
public sealed class PasswordPolicyTests : IAsyncLifetime
{
    private CoreServices _core = default!;

    public async ValueTask InitializeAsync() => _core = await CoreServices.CreateAsync();

    public ValueTask DisposeAsync() => _core.DisposeAsync();

    [Fact]
    public void The_shipped_list_holds_the_thousand_most_common_passwords()
    {
        CommonPasswordValidator.CommonPasswords.Count.ShouldBeGreaterThan(990);
        CommonPasswordValidator.CommonPasswords.ShouldContain("trustno1");
        CommonPasswordValidator.CommonPasswords.ShouldContain("QWERTY", "compared ignoring case");
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("!!Dragon2024!!")]
    [InlineData("qwertyqwerty")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("iloveyouiloveyou")]
    public async Task A_common_password_is_refused_even_padded_to_the_length(string password)
    {
        var outcome = await AddAsync(password);

        outcome.ErrorFor(nameof(OrganiserInput.Password)).ShouldBe("This password is too common or too easy to guess. Try three or four random words");
    }

    [Fact]
    public async Task Eleven_characters_are_too_short()
    {
        var outcome = await AddAsync("plum garden");

        outcome.ErrorFor(nameof(OrganiserInput.Password))!.ShouldContain("12");
    }

    [Theory]
    [InlineData("plum garden kettle")]
    [InlineData("correcthorsebattery")]
    [InlineData("twelve chars")]
    public async Task Long_uncommon_passwords_need_no_capitals_digits_or_symbols(string password) =>
        (await AddAsync(password)).Succeeded.ShouldBeTrue();

    private Task<Outcome<Organiser>> AddAsync(string password) =>
        _core.Get<OrganiserAccounts>().AddOrganiserAsync(Actor.System, new OrganiserInput("Olive", $"olive-{Guid.NewGuid():N}@example.org", password, false));
}
