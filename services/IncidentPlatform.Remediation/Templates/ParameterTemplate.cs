namespace IncidentPlatform.Remediation.Templates;

/// <summary>
/// A rule's value for one action parameter: text with <c>{{path}}</c> placeholders, or a structure (object, list) whose
/// text leaves may hold placeholders and which renders to JSON. Rendering fails, naming the path, when a placeholder
/// refers to a value the incident does not have; the rule then does not apply.
/// </summary>
internal abstract record ParameterTemplate
{
    /// <summary>True when no placeholder appears anywhere: the value is the same for every incident.</summary>
    public bool IsStatic => !Paths.Any();

    /// <summary>Every path the template refers to.</summary>
    public abstract IEnumerable<string> Paths { get; }

    /// <summary>Renders the template; null with the first missing path when a referred value is absent.</summary>
    public string? Render(TemplateContext context, out string? missingPath)
    {
        missingPath = Paths.FirstOrDefault(p => !context.TryGet(p, out _));
        return missingPath is null ? RenderComplete(context) : null;
    }

    /// <summary>Renders, every path being present.</summary>
    protected abstract string RenderComplete(TemplateContext context);
}
