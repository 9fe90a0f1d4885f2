using System.Globalization;
using System.Text.RegularExpressions;
using IncidentPlatform.Remediation.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// Parses one policy file (YAML) into rules and bounds, recording every problem with its file and line. Structure,
/// names, values, templates and catalog parameter names are checked here; <see cref="PolicyLoader"/> then checks
/// static parameters against the combined bounds.
/// </summary>
internal static partial class PolicyParser
{
    /// <summary>Parses <paramref name="text"/>; problems go to <paramref name="errors"/>.</summary>
    public static PolicyFile Parse(string name, string text, List<PolicyError> errors)
    {
        var reader = new YamlReader(name, errors);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.Add(new PolicyError(name, e.Start.Line, e.Start.Column, $"not valid YAML: {YamlMessage().Replace(e.Message, "")}"));
            return new PolicyFile(name, [], new Dictionary<string, (ActionBounds, long)>(), "null");
        }

        if (stream.Documents.Count == 0)
        {
            return new PolicyFile(name, [], new Dictionary<string, (ActionBounds, long)>(), "null");
        }

        if (stream.Documents.Count > 1)
        {
            reader.Error(stream.Documents[1].RootNode, "a policy file holds one YAML document (remove the second '---')");
        }

        var canonical = CanonicalYaml.Write(stream.Documents[0].RootNode);
        if (reader.Mapping(stream.Documents[0].RootNode, "the policy file") is not { } root)
        {
            return new PolicyFile(name, [], new Dictionary<string, (ActionBounds, long)>(), canonical);
        }

        var rules = new List<PolicyRule>();
        var bounds = new Dictionary<string, (ActionBounds, long)>(StringComparer.Ordinal);
        foreach (var (key, _, value) in reader.Entries(root, "the policy file", "version", "bounds", "rules"))
        {
            switch (key)
            {
                case "version":
                    if (reader.Scalar(value, "version") is { } version && version != "1")
                    {
                        reader.Error(value, $"version '{version}' is not supported (use 1)");
                    }

                    break;
                case "bounds":
                    ParseBounds(reader, value, bounds);
                    break;
                case "rules":
                    if (value is YamlSequenceNode sequence)
                    {
                        rules.AddRange(sequence.Children.Select(node => ParseRule(reader, node)).OfType<PolicyRule>());
                    }
                    else if (value is not YamlScalarNode { Value: null or "" })
                    {
                        reader.Error(value, "rules must be a list (lines starting with '- ')");
                    }

                    break;
            }
        }

        return new PolicyFile(name, rules, bounds, canonical);
    }

    private static void ParseBounds(YamlReader reader, YamlNode node, Dictionary<string, (ActionBounds, long)> bounds)
    {
        if (reader.Mapping(node, "bounds") is not { } mapping)
        {
            return;
        }

        foreach (var (actionId, keyNode, value) in reader.Entries(mapping, "bounds"))
        {
            if (!ActionSchemas.ById.TryGetValue(actionId, out var schema))
            {
                reader.Error(keyNode, $"bounds: unknown catalog action '{actionId}' (known: {string.Join(", ", ActionSchemas.ById.Keys)})");
                continue;
            }

            if (reader.Mapping(value, $"bounds.{actionId}") is not { } boundMapping)
            {
                continue;
            }

            var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var names = schema.Bounds.Select(b => b.Name).ToArray();
            if (names.Length == 0)
            {
                reader.Error(keyNode, $"bounds: {actionId} takes no bounds");
                continue;
            }

            foreach (var (boundName, _, boundValue) in reader.Entries(boundMapping, $"bounds.{actionId}", names))
            {
                var spec = schema.Bounds.First(b => b.Name == boundName);
                var what = $"bounds.{actionId}.{boundName}";
                if (spec.IsList)
                {
                    values[boundName] = reader.ScalarOrList(boundValue, what);
                }
                else if (reader.Scalar(boundValue, what) is { } text)
                {
                    if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) &&
                        number >= spec.Min && number <= spec.Max)
                    {
                        values[boundName] = [number.ToString(CultureInfo.InvariantCulture)];
                    }
                    else
                    {
                        reader.Error(boundValue, $"{what} must be a whole number in {spec.Min}..{spec.Max}, not '{text}'");
                    }
                }
            }

            bounds[actionId] = (new ActionBounds(values), keyNode.Start.Line);
        }
    }

    // YamlDotNet prefixes its messages with the span; the error already carries the line and column.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex YamlMessage();
}
