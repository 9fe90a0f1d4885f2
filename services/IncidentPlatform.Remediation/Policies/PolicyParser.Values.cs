using System.Globalization;
using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Templates;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IncidentPlatform.Remediation.Policies;

internal static partial class PolicyParser
{
    private static ApprovalSettings ParseApproval(YamlReader reader, YamlNode node, string rule)
    {
        if (node is YamlScalarNode)
        {
            return Enum<ApprovalMode>(reader, node, $"{rule} approval") == ApprovalMode.Auto
                ? ApprovalSettings.Auto
                : ApprovalSettings.Manual;
        }

        if (reader.Mapping(node, $"{rule} approval") is not { } mapping)
        {
            return ApprovalSettings.Manual;
        }

        var approval = ApprovalSettings.Manual;
        var peopleSet = false;
        foreach (var (key, keyNode, value) in reader.Entries(mapping, $"{rule} approval", "mode", "approvers", "roles", "expiresAfter"))
        {
            approval = key switch
            {
                "mode" => approval with { Mode = Enum<ApprovalMode>(reader, value, $"{rule} approval.mode") },
                "approvers" => approval with { Approvers = Integer(reader, value, $"{rule} approval.approvers", 1, 10) },
                "roles" => approval with { Roles = reader.ScalarOrList(value, $"{rule} approval.roles") },
                _ => approval with
                {
                    ExpiresAfter = Duration(reader, value, $"{rule} approval.expiresAfter", TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)),
                },
            };
            peopleSet |= key is "approvers" or "roles";
            if (approval.Mode == ApprovalMode.Auto && peopleSet)
            {
                reader.Error(keyNode, $"{rule}: approvers and roles apply to manual approval only");
                peopleSet = false;
            }
        }

        return approval.Mode == ApprovalMode.Auto ? ApprovalSettings.Auto with { ExpiresAfter = approval.ExpiresAfter } : approval;
    }

    private static TimeSpan? ParseVerify(YamlReader reader, YamlNode node, string rule)
    {
        if (reader.Mapping(node, $"{rule} verify") is not { } mapping)
        {
            return null;
        }

        TimeSpan? after = null;
        foreach (var (_, _, value) in reader.Entries(mapping, $"{rule} verify", "after"))
        {
            after = Duration(reader, value, $"{rule} verify.after", TimeSpan.FromMinutes(1), TimeSpan.FromHours(24));
        }

        if (after is null)
        {
            reader.Error(mapping, $"{rule} verify needs 'after' (for example 10m)");
        }

        return after;
    }

    private static TextTemplate? Text(YamlReader reader, YamlNode node, string text, string rule)
    {
        try
        {
            return TextTemplate.Parse(text);
        }
        catch (FormatException e)
        {
            reader.Error(node, $"{rule}: template {e.Message}");
            return null;
        }
    }

    private static StructuredTemplate? Structured(YamlReader reader, YamlNode node, string rule)
    {
        var before = reader.ErrorCount;
        var root = Node(reader, node, rule);
        return reader.ErrorCount == before && root is not null ? new StructuredTemplate(root) : null;
    }

    private static StructuredNode? Node(YamlReader reader, YamlNode node, string rule) => node switch
    {
        YamlMappingNode mapping => new ObjectNode([.. reader.Entries(mapping, $"{rule} parameter")
            .Select(e => new KeyValuePair<string, StructuredNode>(e.Key, Node(reader, e.Value, rule)!))]),
        YamlSequenceNode sequence => new ArrayNode([.. sequence.Children.Select(c => Node(reader, c, rule)!)]),
        YamlScalarNode scalar => Text(reader, node, scalar.Value ?? "", rule) is { } text
            ? new LeafNode(text, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
            : null,
        _ => null,
    };

    private static Dictionary<string, string> StringMap(YamlReader reader, YamlNode node, string what)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Mapping(node, what) is { } mapping)
        {
            foreach (var (key, _, value) in reader.Entries(mapping, what))
            {
                if (reader.Scalar(value, $"{what}.{key}") is { } text)
                {
                    map[key] = text;
                }
            }
        }

        return map;
    }

    private static T Enum<T>(YamlReader reader, YamlNode node, string what) where T : struct, Enum
    {
        var text = reader.Scalar(node, what);
        if (text is not null && !text.Any(char.IsDigit) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        if (text is not null)
        {
            reader.Error(node, $"{what} '{text}' is not one of: {string.Join(", ", System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        }

        return default;
    }

    private static int Integer(YamlReader reader, YamlNode node, string what, int min, int max)
    {
        var text = reader.Scalar(node, what);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        if (text is not null)
        {
            reader.Error(node, $"{what} must be a whole number in {min}..{max}, not '{text}'");
        }

        return min;
    }

    private static bool Boolean(YamlReader reader, YamlNode node, string what)
    {
        var text = reader.Scalar(node, what);
        if (text is "true" or "false")
        {
            return text == "true";
        }

        if (text is not null)
        {
            reader.Error(node, $"{what} must be true or false, not '{text}'");
        }

        return false;
    }

    private static TimeSpan Duration(YamlReader reader, YamlNode node, string what, TimeSpan min, TimeSpan max)
    {
        var text = reader.Scalar(node, what);
        var match = text is null ? Match.Empty : DurationText().Match(text);
        if (match.Success)
        {
            var amount = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var duration = match.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            if (duration >= min && duration <= max)
            {
                return duration;
            }
        }

        if (text is not null)
        {
            reader.Error(node, $"{what} must be a duration such as 90s, 15m, 2h or 1d between {min} and {max}, not '{text}'");
        }

        return min;
    }

    [GeneratedRegex(@"^(\d{1,6})(s|m|h|d)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationText();
}
