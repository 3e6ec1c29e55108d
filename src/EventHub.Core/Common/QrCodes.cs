using QRCoder;

namespace EventHub.Core.Common;

/// <summary>QR codes as PNG bytes or data URIs, drawn here so no page or email depends on an outside host.</summary>
public static class QrCodes
{
    public static byte[] Png(string text, int pixelsPerModule = 8, QRCodeGenerator.ECCLevel errorCorrection = QRCodeGenerator.ECCLevel.M)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, errorCorrection);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string DataUri(string text, int pixelsPerModule = 8, QRCodeGenerator.ECCLevel errorCorrection = QRCodeGenerator.ECCLevel.M) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule, errorCorrection));
}
