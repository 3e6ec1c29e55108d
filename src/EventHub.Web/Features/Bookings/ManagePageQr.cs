namespace EventHub.Web.Features.Bookings;

/// <summary>The ticket's QR as a data URI, so no endpoint has to expose the check-in code.</summary>
public static class ManagePageQr
{
    public static string DataUri(string code)
    {
        return Core.Common.QrCodes.DataUri(code, errorCorrection: QRCoder.QRCodeGenerator.ECCLevel.Q);
    }
}
