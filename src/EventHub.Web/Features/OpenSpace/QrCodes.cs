namespace EventHub.Web.Features.OpenSpace;

public static class QrCodes
{
    /// <summary>A PNG data URI of a QR code for the address (no outside hosts involved).</summary>
    public static string DataUri(string text)
    {
        return Core.Common.QrCodes.DataUri(text, pixelsPerModule: 10);
    }
}
