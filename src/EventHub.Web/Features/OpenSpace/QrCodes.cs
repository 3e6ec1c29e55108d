using QRCoder;

namespace EventHub.Web.Features.OpenSpace;

public static class QrCodes
{
    /// <summary>A PNG data URI of a QR code for the address (no outside hosts involved).</summary>
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(10);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
