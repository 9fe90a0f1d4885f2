using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// The canonical JSON of a YAML node: mapping keys sorted (ordinal), comments and layout gone, plain numbers,
/// booleans and nulls typed (they render differently from quoted text). Two files that mean the same hash the same.
/// </summary>
internal static class CanonicalYaml
{
    /// <summary>The canonical JSON text of <paramref name="node"/>.</summary>
    public static string Write(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children
                             .Select(kv => (Key: Key(kv.Key), kv.Value))
                             .OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
        {
            if (value is "" or "null" or "~")
            {
                writer.WriteNullValue();
                return;
            }

            if (value is "true" or "false")
            {
                writer.WriteBooleanValue(value == "true");
                return;
            }

            if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                writer.WriteNumberValue(number);
                return;
            }
        }

        writer.WriteStringValue(value);
    }

    private static string Key(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : Write(key);
}
