using System.Net.Mail;

namespace EventHub.Core.Common;

public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>The form we compare on: trimmed and lower-cased, so "Ann@Devon.gov.uk " and "ann@devon.gov.uk" are one person.</summary>
    public static string Normalise(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        var value = (email ?? string.Empty).Trim();
        if (value.Length is 0 or > MaxLength || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        if (!MailAddress.TryCreate(value, out var parsed) || parsed.Address != value)
        {
            return false;
        }

        var at = value.LastIndexOf('@');
        var domain = value[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
