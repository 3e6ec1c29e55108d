using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace EventHub.Core.Organisers;

/// <summary>
/// Refuses the most common passwords (the list shipped in <c>CommonPasswords.txt</c>), also when padded with digits
/// or symbols to reach the length ("password1234") or repeated ("qwertyqwerty"). With the 12-character minimum this
/// is the NCSC's advice: length and a deny-list, no rules about capitals, digits or symbols.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<Organiser>
{
    public const string ErrorCode = "PasswordTooCommon";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static IReadOnlySet<string> CommonPasswords => List.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<Organiser> manager, Organiser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is too common or too easy to guess. Try three or four random words",
            })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var trimmed = password.Trim();
        var core = trimmed.Trim(trimmed.Where(c => !char.IsLetter(c)).Distinct().ToArray());
        return core.Length == 0 // only digits and symbols: "123456789012"
            || List.Value.Contains(trimmed)
            || List.Value.Contains(core)
            || IsRepeated(core);
    }

    /// <summary>One common password (or one character) said over and over: "qwertyqwerty", "aaaaaaaaaaaa".</summary>
    private static bool IsRepeated(string text)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length != 0)
            {
                continue;
            }

            var unit = text[..length];
            if ((length == 1 || List.Value.Contains(unit)) && string.Concat(Enumerable.Repeat(unit, text.Length / length)).Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("EventHub.Core.Organisers.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
