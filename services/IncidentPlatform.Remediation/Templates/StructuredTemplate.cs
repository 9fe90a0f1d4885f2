using System.Text;
using System.Text.Json;

namespace IncidentPlatform.Remediation.Templates;

/// <summary>
/// A structured parameter (a YAML mapping or list) rendered to JSON. Leaves with placeholders become JSON strings, so
/// a label value can never break out of its string; plain unquoted YAML numbers, booleans and null keep their type.
/// </summary>
internal sealed record StructuredTemplate(StructuredNode Root) : ParameterTemplate
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => Root.Paths;

    /// <inheritdoc />
    protected override string RenderComplete(TemplateContext context)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Root.Write(writer, context);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
