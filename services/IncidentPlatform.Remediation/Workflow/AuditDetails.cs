using System.Text.Json;

namespace IncidentPlatform.Remediation.Workflow;

/// <summary>The details an audit entry records about a remediation: what runs, where, with which parameters.</summary>
internal static class AuditDetails
{
    /// <summary>The standard details of <paramref name="remediation"/>, plus <paramref name="extra"/> (null values left out).</summary>
    public static IReadOnlyDictionary<string, string> Of(Contracts.Remediation remediation, params (string Key, string? Value)[] extra)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["action"] = remediation.ActionId,
            ["parameters"] = Parameters(remediation.Parameters),
            ["state"] = RemediationStates.Name(remediation.State),
            ["risk"] = remediation.Risk.ToString().ToLowerInvariant(),
            ["approval"] = remediation.ApprovalMode.ToString().ToLowerInvariant(),
            ["dryRun"] = remediation.DryRun ? "true" : "false",
        };
        if (remediation.Target is not null)
        {
            details["target"] = remediation.Target;
        }

        foreach (var (key, value) in extra)
        {
            if (value is not null)
            {
                details[key] = value;
            }
        }

        return details;
    }

    private static string Parameters(IReadOnlyDictionary<string, string> parameters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (key, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
