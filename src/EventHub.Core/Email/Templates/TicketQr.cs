using QRCoder;

namespace EventHub.Core.Email.Templates;

/// <summary>The ticket's QR code as a PNG, to be carried inline in the message.</summary>
public static class TicketQr
{
    public const string ContentId = "ticket-qr@eventhub";

    public static InlineImage Image(string checkInCode)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(checkInCode, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return new InlineImage(ContentId, "ticket-qr.png", "image", "png", png);
    }
}
