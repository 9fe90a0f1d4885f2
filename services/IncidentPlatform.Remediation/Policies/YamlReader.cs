using YamlDotNet.RepresentationModel;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>Reads YAML nodes of one file, recording each problem with its line instead of stopping at the first.</summary>
internal sealed class YamlReader(string file, List<PolicyError> errors)
{
    /// <summary>The file name, as errors report it.</summary>
    public string File { get; } = file;

    /// <summary>How many problems have been recorded so far (all files).</summary>
    public int ErrorCount => errors.Count;

    /// <summary>Records a problem at <paramref name="node"/>.</summary>
    public void Error(YamlNode node, string message) =>
        errors.Add(new PolicyError(File, node.Start.Line, node.Start.Column, message));

    /// <summary>The node as a mapping, or null (with an error) when it is something else.</summary>
    public YamlMappingNode? Mapping(YamlNode node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        Error(node, $"{what} must be a mapping (key: value lines)");
        return null;
    }

    /// <summary>The node as a scalar's text, or null (with an error) when it is something else.</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(node, node is YamlMappingNode map && map.Children.Keys.Any(k => k is YamlMappingNode)
            ? $"{what} must be a single value; quote templates: \"{{{{labels.name}}}}\""
            : $"{what} must be a single value");
        return null;
    }

    /// <summary>A single value or a list of values, as a list.</summary>
    public IReadOnlyList<string> ScalarOrList(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children.Select(item => Scalar(item, $"each item of {what}")).OfType<string>()];
        }

        return Scalar(node, what) is { } single ? [single] : [];
    }

    /// <summary>The entries of a mapping by key text, recording an error for keys not in <paramref name="allowed"/>.</summary>
    public IReadOnlyList<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(
        YamlMappingNode mapping, string what, params string[] allowed)
    {
        var entries = new List<(string, YamlNode, YamlNode)>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                Error(keyNode, $"{what}: keys must be plain names");
                continue;
            }

            if (allowed.Length > 0 && !allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, $"{what}: unknown key '{key}' (expected one of: {string.Join(", ", allowed)})");
                continue;
            }

            entries.Add((key, keyNode, value));
        }

        return entries;
    }
}
