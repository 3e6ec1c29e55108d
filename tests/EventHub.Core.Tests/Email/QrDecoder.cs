using StbImageSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace EventHub.Core.Tests.Email;

/// <summary>Reads the text out of a QR code PNG without native libraries.</summary>
public static class QrDecoder
{
    private static readonly Dictionary<DecodeHintType, object> Hints = new() { [DecodeHintType.TRY_HARDER] = true };

    private static readonly Dictionary<DecodeHintType, object> PureHints = new() { [DecodeHintType.PURE_BARCODE] = true };

    /// <summary>
    /// The code's text, or null when it cannot be read. A small code (a badge's 4 pixels per module) defeats ZXing's
    /// locally adaptive binariser for about 2 % of contents, so the global one is tried too, and then both on the
    /// image enlarged three times, as a phone camera would see it. For about 0.3 % of contents the finder-pattern search
    /// fails at any size; a clean, generated image (not a screenshot) is then read module by module.
    /// </summary>
    public static string? Decode(byte[] png)
    {
        var image = ImageResult.FromMemory(png, ColorComponents.RedGreenBlueAlpha);
        foreach (var scale in new[] { 1, 3 })
        {
            var (pixels, width, height) = scale == 1 ? (image.Data, image.Width, image.Height) : Enlarge(image, scale);
            var source = new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.RGBA32);
            foreach (Binarizer binarizer in new Binarizer[] { new HybridBinarizer(source), new GlobalHistogramBinarizer(source) })
            {
                if (new QRCodeReader().decode(new BinaryBitmap(binarizer), Hints) is { } result)
                {
                    return result.Text;
                }
            }
        }

        var pure = new RGBLuminanceSource(image.Data, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(pure)), PureHints)?.Text;
    }

    /// <summary>The image with each pixel made a <paramref name="scale"/>-wide square (nearest neighbour: edges stay sharp).</summary>
    private static (byte[] Pixels, int Width, int Height) Enlarge(ImageResult image, int scale)
    {
        int width = image.Width * scale, height = image.Height * scale;
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Array.Copy(image.Data, ((y / scale * image.Width) + (x / scale)) * 4, pixels, ((y * width) + x) * 4, 4);
            }
        }

        return (pixels, width, height);
    }
}
