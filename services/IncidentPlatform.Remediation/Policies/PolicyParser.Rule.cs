using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Catalog;
using IncidentPlatform.Remediation.Templates;
using YamlDotNet.RepresentationModel;

namespace IncidentPlatform.Remediation.Policies;

internal static partial class PolicyParser
{
    private static readonly string[] RuleKeys =
    [
        "name", "description", "match", "actions", "pick", "approval", "risk", "cooldown", "maxRunsPerHour", "windows",
        "dryRun", "verify",
    ];

    private static PolicyRule? ParseRule(YamlReader reader, YamlNode node)
    {
        if (reader.Mapping(node, "each rule") is not { } mapping)
        {
            return null;
        }

        var before = ErrorCount(reader);
        var entries = reader.Entries(mapping, "rule", RuleKeys).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var name = entries.TryGetValue("name", out var nameNode) ? reader.Scalar(nameNode, "rule name") : null;
        if (nameNode is null)
        {
            reader.Error(mapping, "a rule needs a name");
        }
        else if (name is not null && !RuleName().IsMatch(name))
        {
            reader.Error(nameNode, $"rule name '{name}' must be lower-case letters, digits, '.', '_' or '-' (at most 100)");
        }

        var what = $"rule '{name}'";
        var match = entries.TryGetValue("match", out var matchNode) ? ParseMatch(reader, matchNode, what) : new RuleMatch();
        if (matchNode is null)
        {
            reader.Error(mapping, $"{what} needs a match (use 'match: {{}}' to match every incident)");
        }

        var actions = entries.TryGetValue("actions", out var actionsNode) ? ParseActions(reader, actionsNode, what) : [];
        if (actionsNode is null)
        {
            reader.Error(mapping, $"{what} needs actions");
        }

        var approval = entries.TryGetValue("approval", out var approvalNode)
            ? ParseApproval(reader, approvalNode, what)
            : ApprovalSettings.Manual;
        var risk = entries.TryGetValue("risk", out var riskNode) ? Enum<RiskLevel>(reader, riskNode, $"{what} risk") : RiskLevel.Medium;
        if (approval is { Mode: ApprovalMode.Manual, Roles.Count: 0 })
        {
            // Without roles any holder of the approve scope, any mapped Slack user included, could decide.
            reader.Error(approvalNode ?? mapping,
                $"{what}: manual approval needs the roles that may approve (approval: {{mode: manual, roles: [sre]}})");
        }

        if (approval is { Mode: ApprovalMode.Manual, Approvers: 0 })
        {
            // Not set: four eyes for a high-risk action (two distinct people), one person otherwise.
            approval = approval with { Approvers = risk == RiskLevel.High ? 2 : 1 };
        }

        if (risk == RiskLevel.High && approval.Mode == ApprovalMode.Auto)
        {
            reader.Error(riskNode!, $"{what}: high-risk actions need manual approval (four eyes)");
        }

        var rule = new PolicyRule
        {
            Name = name ?? "",
            Description = entries.TryGetValue("description", out var description) ? reader.Scalar(description, "description") : null,
            Match = match,
            Actions = actions,
            Pick = entries.TryGetValue("pick", out var pick) ? Enum<RulePick>(reader, pick, $"{what} pick") : RulePick.All,
            Approval = approval,
            Risk = risk,
            Cooldown = entries.TryGetValue("cooldown", out var cooldown)
                ? Duration(reader, cooldown, $"{what} cooldown", TimeSpan.FromSeconds(1), TimeSpan.FromDays(7))
                : null,
            MaxRunsPerHour = entries.TryGetValue("maxRunsPerHour", out var runs)
                ? Integer(reader, runs, $"{what} maxRunsPerHour", 1, 1000)
                : null,
            Windows = entries.TryGetValue("windows", out var windows) ? ParseWindows(reader, windows, what) : null,
            DryRun = entries.TryGetValue("dryRun", out var dryRun) && Boolean(reader, dryRun, $"{what} dryRun"),
            VerifyAfter = entries.TryGetValue("verify", out var verify) ? ParseVerify(reader, verify, what) : null,
            File = reader.File,
            Line = mapping.Start.Line,
        };
        return ErrorCount(reader) == before ? rule : null;
    }

    private static RuleMatch ParseMatch(YamlReader reader, YamlNode node, string rule)
    {
        if (node is YamlScalarNode { Value: null or "" } || reader.Mapping(node, $"{rule} match") is not { } mapping)
        {
            return new RuleMatch();
        }

        var match = new RuleMatch();
        foreach (var (key, _, value) in reader.Entries(
                     mapping, $"{rule} match", "services", "severity", "categories", "sources", "labels", "labelPatterns", "derived",
                     "derivedPatterns"))
        {
            match = key switch
            {
                "services" => match with { Services = reader.ScalarOrList(value, $"{rule} match.services") },
                "severity" => match with { MinSeverity = Enum<Severity>(reader, value, $"{rule} match.severity") },
                "categories" => match with { Categories = Categories(reader, value, rule) },
                "sources" => match with { Sources = reader.ScalarOrList(value, $"{rule} match.sources") },
                "labels" => match with { Labels = StringMap(reader, value, $"{rule} match.labels") },
                "labelPatterns" => match with { LabelPatterns = Patterns(reader, value, $"{rule} match.labelPatterns") },
                "derived" => match with { Derived = StringMap(reader, value, $"{rule} match.derived") },
                _ => match with { DerivedPatterns = Patterns(reader, value, $"{rule} match.derivedPatterns") },
            };
        }

        return match;
    }

    private static IReadOnlyList<string> Categories(YamlReader reader, YamlNode node, string rule)
    {
        var categories = reader.ScalarOrList(node, $"{rule} match.categories");
        foreach (var unknown in categories.Where(c => !AnalysisCategories.All.Contains(c, StringComparer.Ordinal)))
        {
            reader.Error(node, $"{rule}: unknown category '{unknown}' (known: {string.Join(", ", AnalysisCategories.All)})");
        }

        return categories;
    }

    private static Dictionary<string, Regex> Patterns(YamlReader reader, YamlNode node, string where)
    {
        var patterns = new Dictionary<string, Regex>(StringComparer.Ordinal);
        foreach (var (label, pattern) in StringMap(reader, node, where))
        {
            try
            {
                patterns[label] = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                reader.Error(node, $"{where}: the pattern for '{label}' is not a valid regular expression ({e.Message})");
            }
        }

        return patterns;
    }

    private static List<RuleAction> ParseActions(YamlReader reader, YamlNode node, string rule)
    {
        var actions = new List<RuleAction>();
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            reader.Error(node, $"{rule} actions must be a list of at least one action");
            return actions;
        }

        foreach (var item in sequence.Children)
        {
            if (reader.Mapping(item, $"{rule}: each action") is not { } mapping)
            {
                continue;
            }

            var entries = reader.Entries(mapping, $"{rule} action", "action", "parameters")
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
            var id = entries.TryGetValue("action", out var idNode) ? reader.Scalar(idNode, $"{rule} action") : null;
            if (idNode is null)
            {
                reader.Error(mapping, $"{rule}: each action needs 'action: <catalog id>'");
            }

            if (id is null)
            {
                continue;
            }

            if (!ActionSchemas.ById.TryGetValue(id, out var schema))
            {
                reader.Error(idNode!, $"{rule}: unknown catalog action '{id}' (known: {string.Join(", ", ActionSchemas.ById.Keys)})");
                continue;
            }

            var given = new HashSet<string>(StringComparer.Ordinal);
            var parameters = entries.TryGetValue("parameters", out var parametersNode)
                ? ParseParameters(reader, parametersNode, schema, rule, given)
                : new Dictionary<string, ParameterTemplate>(StringComparer.Ordinal);
            foreach (var missing in schema.Parameters.Where(p => p.Required && !given.Contains(p.Name)))
            {
                reader.Error(mapping, $"{rule}: {id} needs parameter '{missing.Name}' ({missing.Description})");
            }

            actions.Add(new RuleAction(id, parameters, mapping.Start.Line));
        }

        return actions;
    }

    private static Dictionary<string, ParameterTemplate> ParseParameters(
        YamlReader reader, YamlNode node, ActionSchema schema, string rule, HashSet<string> given)
    {
        var parameters = new Dictionary<string, ParameterTemplate>(StringComparer.Ordinal);
        if (reader.Mapping(node, $"{rule} {schema.Id} parameters") is not { } mapping)
        {
            return parameters;
        }

        var names = schema.Parameters.Select(p => p.Name).ToArray();
        foreach (var (name, _, value) in reader.Entries(mapping, $"{rule} {schema.Id} parameters", names))
        {
            given.Add(name);
            var spec = schema.Parameters.First(p => p.Name == name);
            ParameterTemplate? template = spec.Type == CatalogParameterType.Json && value is not YamlScalarNode
                ? Structured(reader, value, rule)
                : reader.Scalar(value, $"{rule} {schema.Id} parameter '{name}'") is { } text ? Text(reader, value, text, rule) : null;
            if (template is not null)
            {
                parameters[name] = template;
            }
        }

        return parameters;
    }

    private static int ErrorCount(YamlReader reader) => reader.ErrorCount;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleName();
}
