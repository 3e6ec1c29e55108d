using EventHub.Core.Common;

namespace EventHub.Core.Tests.Email;

/// <summary>
/// The tests' QR reader reads every ticket code, even at a badge's 4 pixels per module: a reader that fails for some
/// codes made a badge test fail now and then, for a code that was fine.
/// </summary>
public sealed class QrDecoderTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void Every_one_of_three_hundred_random_ticket_codes_is_read_back(int pixelsPerModule)
    {
        var unread = Enumerable.Range(0, 300).Select(_ => SecureTokens.New(16))
            .Where(code => QrDecoder.Decode(QrCodes.Png(code, pixelsPerModule, QRCoder.QRCodeGenerator.ECCLevel.Q)) != code)
            .ToList();

        unread.ShouldBeEmpty();
    }
}
