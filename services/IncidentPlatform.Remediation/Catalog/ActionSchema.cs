using System.Globalization;
using System.Text;
using System.Text.Json;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Remediation.Catalog;

/// <summary>
/// The parameter schema and bounds of one catalog action. <see cref="Check"/> is pure: the policy loader runs it on
/// static parameters, the proposal runs it on filled templates, and the executor runs it again right before sending.
/// </summary>
internal abstract class ActionSchema
{
    private IReadOnlyList<ParameterSpec>? _parameters;

    /// <summary>The catalog id (<see cref="CatalogActions"/>).</summary>
    public abstract string Id { get; }

    /// <summary>The action's parameters: the catalog's (<see cref="ActionCatalog"/>), with this schema's limits.</summary>
    public IReadOnlyList<ParameterSpec> Parameters =>
        _parameters ??= [.. ActionCatalog.ById[Id].Parameters.Select(p => Limit(new ParameterSpec(p)))];

    /// <summary>The bounds a policy may set for it.</summary>
    public virtual IReadOnlyList<BoundSpec> Bounds => [];

    /// <summary>Checks <paramref name="parameters"/> against the schema and <paramref name="bounds"/>.</summary>
    public ActionCheck Check(IReadOnlyDictionary<string, string> parameters, ActionBounds bounds)
    {
        var errors = new List<string>();
        foreach (var name in parameters.Keys.Where(n => Parameters.All(p => p.Name != n)).Order(StringComparer.Ordinal))
        {
            errors.Add($"{Id} has no parameter '{name}' (it takes {string.Join(", ", Parameters.Select(p => p.Name))})");
        }

        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in Parameters)
        {
            var value = parameters.TryGetValue(spec.Name, out var given) ? given.Trim() : "";
            if (value.Length == 0)
            {
                if (spec.Required)
                {
                    errors.Add($"{Id} needs parameter '{spec.Name}' ({spec.Description})");
                }

                continue;
            }

            var error = Normalize(spec, value, out var normal);
            if (error is null)
            {
                normalized[spec.Name] = normal;
            }
            else
            {
                errors.Add($"{Id} parameter '{spec.Name}': {error}");
            }
        }

        if (errors.Count == 0)
        {
            CheckBounds(normalized, bounds, errors);
        }

        return errors.Count > 0
            ? ActionCheck.Failed(errors)
            : new ActionCheck { Parameters = normalized, Target = TargetOf(normalized) };
    }

    /// <summary>The patterns and limits of one of the catalog's parameters of this action.</summary>
    protected abstract ParameterSpec Limit(ParameterSpec parameter);

    /// <summary>Checks the normalized parameters against the action's bounds, adding what is wrong to <paramref name="errors"/>.</summary>
    protected abstract void CheckBounds(Dictionary<string, string> parameters, ActionBounds bounds, List<string> errors);

    /// <summary>What the cooldown and run limits count against.</summary>
    protected abstract string TargetOf(IReadOnlyDictionary<string, string> parameters);

    /// <summary>Requires <paramref name="value"/> to be on the policy's <paramref name="bound"/> allowlist.</summary>
    protected void RequireAllowed(string value, ActionBounds bounds, string bound, List<string> errors)
    {
        var allowed = bounds.List(bound);
        if (allowed is null)
        {
            errors.Add($"{Id}: the policy sets no bounds.{Id}.{bound}, so nothing is allowed");
        }
        else if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add($"{Id}: '{value}' is not in bounds.{Id}.{bound} ({string.Join(", ", allowed)})");
        }
    }

    /// <summary>The items of a normalized list parameter.</summary>
    public static IReadOnlyList<string> Items(string list) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Normalize(ParameterSpec spec, string value, out string normalized)
    {
        normalized = value;
        switch (spec.Type)
        {
            case CatalogParameterType.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return $"'{Shorten(value)}' is not a whole number";
                }

                if (number < spec.Min || number > spec.Max)
                {
                    return $"{number} is outside {spec.Min}..{spec.Max}";
                }

                normalized = number.ToString(CultureInfo.InvariantCulture);
                return null;
            case CatalogParameterType.List:
                var items = Items(value).Distinct(StringComparer.Ordinal).ToList();
                if (items.Count > spec.MaxItems)
                {
                    return $"{items.Count} items, at most {spec.MaxItems} allowed";
                }

                var bad = items.FirstOrDefault(i => !TextOk(spec, i));
                if (bad is not null)
                {
                    return $"'{Shorten(bad)}' is not a valid item";
                }

                normalized = string.Join(',', items);
                return items.Count == 0 ? "the list is empty" : null;
            case CatalogParameterType.Json:
                return CheckJson(spec, value);
            case CatalogParameterType.Url:
                if (value.Length > spec.MaxLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri) ||
                    (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
                {
                    return $"'{Shorten(value)}' is not an absolute http(s) URL without credentials";
                }

                normalized = uri.AbsoluteUri;
                return null;
            default:
                return TextOk(spec, value) ? null : $"'{Shorten(value)}' is not valid ({spec.Description})";
        }
    }

    private static bool TextOk(ParameterSpec spec, string value) =>
        value.Length <= spec.MaxLength && !value.Any(char.IsControl) && (spec.Pattern?.IsMatch(value) ?? true);

    private static string? CheckJson(ParameterSpec spec, string value)
    {
        if (Encoding.UTF8.GetByteCount(value) > spec.MaxLength)
        {
            return $"more than {spec.MaxLength} bytes of JSON";
        }

        try
        {
            using var document = JsonDocument.Parse(value, new JsonDocumentOptions { MaxDepth = 32 });
            return spec.JsonObject && document.RootElement.ValueKind != JsonValueKind.Object ? "must be a JSON object" : null;
        }
        catch (JsonException e)
        {
            return $"is not valid JSON ({e.Message})";
        }
    }

    /// <summary>A value cut for an error message (values may come from alert labels).</summary>
    protected static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
