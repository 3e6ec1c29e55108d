namespace EventHub.Core.Email.Rendering;

/// <summary>The ticket's QR code as a PNG, to be carried inline in the message.</summary>
public static class TicketQr
{
    public const string ContentId = "ticket-qr@eventhub";

    public static InlineImage Image(string checkInCode)
    {
        return new InlineImage(ContentId, "ticket-qr.png", "image", "png", Common.QrCodes.Png(checkInCode));
    }
}
