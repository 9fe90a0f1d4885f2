using System.Globalization;
using System.Text.Json;

namespace IncidentPlatform.Remediation.Templates;

/// <summary>One node of a <see cref="StructuredTemplate"/>.</summary>
internal abstract record StructuredNode
{
    /// <summary>The paths this node and its children refer to.</summary>
    public abstract IEnumerable<string> Paths { get; }

    /// <summary>Writes the node as JSON.</summary>
    public abstract void Write(Utf8JsonWriter writer, TemplateContext context);
}

/// <summary>A JSON object.</summary>
internal sealed record ObjectNode(IReadOnlyList<KeyValuePair<string, StructuredNode>> Properties) : StructuredNode
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => Properties.SelectMany(p => p.Value.Paths);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TemplateContext context)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in Properties)
        {
            writer.WritePropertyName(key);
            value.Write(writer, context);
        }

        writer.WriteEndObject();
    }
}

/// <summary>A JSON array.</summary>
internal sealed record ArrayNode(IReadOnlyList<StructuredNode> Items) : StructuredNode
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => Items.SelectMany(i => i.Paths);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TemplateContext context)
    {
        writer.WriteStartArray();
        foreach (var item in Items)
        {
            item.Write(writer, context);
        }

        writer.WriteEndArray();
    }
}

/// <summary>A leaf: templated text (a JSON string), or a plain YAML scalar that reads as a number, boolean or null.</summary>
internal sealed record LeafNode(TextTemplate Text, bool Plain) : StructuredNode
{
    /// <inheritdoc />
    public override IEnumerable<string> Paths => Text.Paths;

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TemplateContext context)
    {
        var literal = Plain ? Text.Literal : null;
        if (literal is "true" or "false")
        {
            writer.WriteBooleanValue(literal == "true");
        }
        else if (literal is "null" or "~")
        {
            writer.WriteNullValue();
        }
        else if (literal is not null && decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(Text.Render(context, out _) ?? "");
        }
    }
}
