using System.Text.Json;

namespace IncidentPlatform.Remediation.Catalog.Schemas;

/// <summary>SSM document parameters: a JSON object of names to a string or a list of strings (the wire form is lists).</summary>
internal static class SsmParameters
{
    /// <summary>Checks the shape; returns what is wrong, or null.</summary>
    public static string? Check(string json)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var ok = property.Value.ValueKind == JsonValueKind.String ||
                     (property.Value.ValueKind == JsonValueKind.Array &&
                      property.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String));
            if (!ok)
            {
                return $"parameter '{property.Name}' must be a string or a list of strings";
            }
        }

        return null;
    }

    /// <summary>Writes the parameters in the wire form (every value a list of strings).</summary>
    public static void Write(Utf8JsonWriter writer, string json)
    {
        using var document = JsonDocument.Parse(json);
        writer.WriteStartObject();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            writer.WriteStartArray(property.Name);
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                writer.WriteStringValue(property.Value.GetString());
            }
            else
            {
                foreach (var item in property.Value.EnumerateArray())
                {
                    writer.WriteStringValue(item.GetString());
                }
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
