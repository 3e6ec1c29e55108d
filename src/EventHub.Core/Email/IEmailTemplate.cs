namespace EventHub.Core.Email;

/// <summary>One kind of message: turns an outbox row into subject, text, HTML and attachments.</summary>
public interface IEmailTemplate
{
    string Name { get; }

    Task<RenderedEmail> RenderAsync(EmailRenderContext context, CancellationToken ct);
}
