namespace EventHub.Core.Email;

/// <summary>Finds the template for an outbox message by its name.</summary>
public sealed class EmailTemplateRegistry
{
    private readonly Dictionary<string, IEmailTemplate> _templates;

    public EmailTemplateRegistry(IEnumerable<IEmailTemplate> templates)
    {
        _templates = new Dictionary<string, IEmailTemplate>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            if (!_templates.TryAdd(template.Name, template))
            {
                throw new InvalidOperationException($"Two email templates are registered as '{template.Name}'.");
            }
        }
    }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    public bool TryGet(string name, out IEmailTemplate template) => _templates.TryGetValue(name, out template!);
}
