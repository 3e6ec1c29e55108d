using System.Security.Cryptography;

namespace EventHub.Core.Common;

/// <summary>Unguessable tokens for links: 160 random bits, URL-safe base64 (27 characters).</summary>
public static class SecureTokens
{
    public static string New(int bytes = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 16);
        Span<byte> buffer = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(buffer);
        return Convert.ToBase64String(buffer).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Compares in constant time so a token cannot be discovered one character at a time.</summary>
    public static bool FixedTimeEquals(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
    }
}
