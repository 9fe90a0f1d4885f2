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

    /// <summary>The parameters in the wire form: every value a list of strings.</summary>
    public static Dictionary<string, List<string>> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.String
                ? [p.Value.GetString()!]
                : p.Value.EnumerateArray().Select(v => v.GetString()!).ToList(),
            StringComparer.Ordinal);
    }
}
