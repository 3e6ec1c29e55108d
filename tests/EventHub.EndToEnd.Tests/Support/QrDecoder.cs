using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace EventHub.EndToEnd.Tests.Support;

/// <summary>Reads the text out of a QR code PNG without native libraries.</summary>
public static class QrDecoder
{
    public static string? Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        var source = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var bitmap = new BinaryBitmap(new HybridBinarizer(source));
        var result = new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }
}
