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

    /// <summary>
    /// Lower-case hex SHA-256 of a token, for storing and looking tokens up by: a copy of the database cannot be turned
    /// back into working links. Tokens carry 160 random bits, so no salt is needed.
    /// </summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>Tokens are 27 characters; anything far longer is not one of ours and is not even hashed.</summary>
    public const int MaxPresentedLength = 64;

    /// <summary>
    /// The hash to look a token presented in a link up by, or null when it cannot be one of ours (empty, or far too
    /// long to be worth hashing).
    /// </summary>
    public static string? HashOfPresented(string? token) =>
        string.IsNullOrWhiteSpace(token) || token.Length > MaxPresentedLength ? null : Hash(token);

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
