using System.Globalization;
using System.Text.Json;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// Typed, validated access to a tool call's arguments. Every failure throws <see cref="ToolArgumentException"/> naming
/// the argument and what is expected, which the caller returns to the model as a tool error.
/// </summary>
internal sealed class ToolArguments(IReadOnlyDictionary<string, JsonElement> values)
{
    public static ToolArguments From(IDictionary<string, JsonElement>? arguments) =>
        new(arguments is null ? new Dictionary<string, JsonElement>() : new Dictionary<string, JsonElement>(arguments));

    public bool Has(string name) => values.TryGetValue(name, out var v) && v.ValueKind is not JsonValueKind.Null;

    public string? String(string name, int maxLength, bool required = false)
    {
        if (!values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new ToolArgumentException($"'{name}' is required.") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ToolArgumentException($"'{name}' must be a string.");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return required ? throw new ToolArgumentException($"'{name}' must not be empty.") : null;
        }

        return text.Length > maxLength ? throw new ToolArgumentException($"'{name}' is longer than {maxLength} characters.") : text;
    }

    public string Required(string name, int maxLength) => String(name, maxLength, required: true)!;

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), returned as listed.</summary>
    public string? Choice(string name, IReadOnlyList<string> allowed, bool required = false)
    {
        var text = String(name, 64, required);
        if (text is null)
        {
            return null;
        }

        return allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? throw new ToolArgumentException($"'{name}' must be one of: {string.Join(", ", allowed)}.");
    }

    public int Int(string name, int min, int max, int defaultValue)
    {
        if (!Has(name))
        {
            return defaultValue;
        }

        var value = values[name];
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= min && n <= max)
        {
            return n;
        }

        throw new ToolArgumentException($"'{name}' must be a whole number from {min} to {max}.");
    }

    public bool Bool(string name, bool defaultValue)
    {
        if (!Has(name))
        {
            return defaultValue;
        }

        return values[name].ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ToolArgumentException($"'{name}' must be true or false."),
        };
    }

    public DateTimeOffset? Time(string name)
    {
        var text = String(name, 64);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new ToolArgumentException($"'{name}' must be an ISO 8601 time such as 2026-11-21T08:00:00Z.");
    }

    /// <summary>A JSON object of string values (labels), bounded.</summary>
    public Dictionary<string, string>? StringMap(string name, int maxEntries, int maxValueLength)
    {
        if (!Has(name))
        {
            return null;
        }

        var value = values[name];
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ToolArgumentException($"'{name}' must be an object of string values.");
        }

        var map = new Dictionary<string, string>();
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String || property.Name.Length is 0 or > 100 ||
                property.Value.GetString()!.Length > maxValueLength)
            {
                throw new ToolArgumentException(
                    $"'{name}': names 1–100 characters, values strings of at most {maxValueLength} characters.");
            }

            map[property.Name] = property.Value.GetString()!;
        }

        return map.Count > maxEntries ? throw new ToolArgumentException($"'{name}' has more than {maxEntries} entries.") : map;
    }

    /// <summary>The raw array elements of <paramref name="name"/> (at most <paramref name="maxItems"/>).</summary>
    public IReadOnlyList<JsonElement> Array(string name, int maxItems)
    {
        if (!Has(name))
        {
            return [];
        }

        var value = values[name];
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ToolArgumentException($"'{name}' must be an array.");
        }

        var items = value.EnumerateArray().ToList();
        return items.Count > maxItems ? throw new ToolArgumentException($"'{name}' has more than {maxItems} items.") : items;
    }
}
