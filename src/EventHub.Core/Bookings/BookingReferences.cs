using System.Security.Cryptography;

namespace EventHub.Core.Bookings;

/// <summary>Booking references people can read aloud: 8 characters without 0/O, 1/I/L, grouped "K7QM-3XPA" (40 bits).</summary>
public static class BookingReferences
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        Span<char> chars = stackalloc char[9];
        RandomNumberGenerator.GetItems(Alphabet, chars);
        chars[4] = '-';
        return new string(chars);
    }

    /// <summary>Accepts what people type: any case, with or without the hyphen or spaces.</summary>
    public static string Normalise(string? typed)
    {
        var compact = new string((typed ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return compact.Length == 8 ? compact[..4] + "-" + compact[4..] : compact;
    }
}
