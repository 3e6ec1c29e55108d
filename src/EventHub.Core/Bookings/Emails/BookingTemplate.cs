using EventHub.Core.Email;

namespace EventHub.Core.Bookings.Emails;

/// <summary>
/// Shared shape of the booking messages: greeting, event details in the event's own time zone, the manage link,
/// and a footer saying why the person got the message.
/// </summary>
public abstract class BookingTemplate : IEmailTemplate
{
    public abstract string Name { get; }

    public Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct)
    {
        var evt = context.RequireEvent();
        var payload = context.Payload<BookingMessagePayload>();
        return Task.FromResult(Render(new BookingMail(context, evt, payload)));
    }

    protected abstract RenderedEmail Render(BookingMail mail);
}
