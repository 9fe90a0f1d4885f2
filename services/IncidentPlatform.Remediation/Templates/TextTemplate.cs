using IncidentPlatform.Templating;

namespace IncidentPlatform.Remediation.Templates;

/// <summary>Text with <c>{{path}}</c> placeholders (<see cref="PlaceholderTemplate"/>), paths from <see cref="TemplatePaths"/>.</summary>
internal sealed record TextTemplate : ParameterTemplate
{
    private readonly PlaceholderTemplate _template;

    private TextTemplate(PlaceholderTemplate template) => _template = template;

    /// <inheritdoc />
    public override IEnumerable<string> Paths => _template.Paths;

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static TextTemplate Parse(string text) => new(PlaceholderTemplate.Parse(text, TemplatePaths.Vocabulary));

    /// <summary>The text without placeholders, or null when it has some.</summary>
    public string? Literal => _template.IsStatic ? _template.Render(_ => null) : null;

    /// <inheritdoc />
    protected override string RenderComplete(TemplateContext context) =>
        _template.Render(path => context.TryGet(path, out var value) ? value : null);
}
