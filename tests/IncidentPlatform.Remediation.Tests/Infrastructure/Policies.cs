using IncidentPlatform.Remediation.Policies;

namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>Policies from YAML text, for tests.</summary>
internal static class Policies
{
    /// <summary>Loads <paramref name="yaml"/> as a one-file policy named policy.yaml.</summary>
    public static RemediationPolicy Load(string yaml) => PolicyLoader.Load(new PolicySource("policy.yaml", [("policy.yaml", yaml)]));

    /// <summary>The errors <paramref name="yaml"/> is rejected with (fails when it loads).</summary>
    public static IReadOnlyList<PolicyError> Errors(string yaml) =>
        Should.Throw<PolicyLoadException>(() => Load(yaml)).Errors;

    /// <summary>The sample policy shipped with the service.</summary>
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "Policies", "sample-policy.yaml");

    /// <summary>
    /// A policy answering a timeout with a webhook to <paramref name="server"/>'s <c>/flush</c>, approved automatically
    /// and verified ten minutes after it ran.
    /// </summary>
    public static string FlushThenVerify(Uri server) => $$"""
        bounds:
          http.webhook: {allowedUrls: ["{{server}}"]}
        rules:
          - name: flush
            match: {categories: [timeout]}
            actions:
              - action: http.webhook
                parameters: {url: "{{server}}flush"}
            approval: auto
            verify: {after: 10m}
        """;
}
