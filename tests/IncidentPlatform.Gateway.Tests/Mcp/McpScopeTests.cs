using IncidentPlatform.Gateway.Tests.Infrastructure;

namespace IncidentPlatform.Gateway.Tests.Mcp;

/// <summary>Every tool action against every key: forbidden exactly when the key lacks the scope the action needs.</summary>
public sealed class McpScopeTests(McpScopeTests.Host fixture) : IClassFixture<McpScopeTests.Host>
{
    /// <summary>One host for the whole matrix: the calls only read, or change nothing the assertions depend on.</summary>
    public sealed class Host : IAsyncLifetime
    {
        internal GatewayTestHost Gateway { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Gateway = (await FakeOwners.StartHostAsync()).Host;

        public ValueTask DisposeAsync() => Gateway.DisposeAsync();
    }

    public static TheoryData<string, string, string> Calls() => new()
    {
        { "incident_management", """{"action":"list"}""", "read" },
        { "incident_management", """{"action":"search","query":"x"}""", "read" },
        { "incident_management", """{"action":"get","id":"inc-x"}""", "read" },
        { "incident_management", """{"action":"create","title":"t"}""", "write" },
        { "incident_management", """{"action":"update","id":"inc-x","title":"t"}""", "write" },
        { "incident_management", """{"action":"acknowledge","id":"inc-x"}""", "write" },
        { "incident_management", """{"action":"resolve","id":"inc-x"}""", "write" },
        { "incident_management", """{"action":"delete","id":"inc-x"}""", "admin" },
        { "incident_detection", """{"rule":"r"}""", "read" },
        { "incident_detection", """{"rule":"r","raise":true}""", "write" },
        { "incident_detection", """{"query":"index=app error"}""", "search" },
        { "root_cause_analysis", """{"id":"inc-x","waitSeconds":0}""", "read" },
        { "root_cause_analysis", """{"id":"inc-x","refresh":true,"waitSeconds":0}""", "write" },
        { "slack_notifications", """{"id":"inc-x"}""", "read" },
        { "slack_notifications", """{"id":"inc-x","preview":false}""", "write" },
        { "remediation_suggestions", """{"id":"inc-x"}""", "read" },
        { "remediation_decision", """{"remediationId":"rem-x","decision":"approve"}""", "approve" },
        { "remediation_resolve", """{"remediationId":"rem-x","resolution":"failed"}""", "approve" },
        { "dead_letters", """{"action":"list"}""", "admin" },
        { "silences", """{"action":"list"}""", "read" },
        { "silences", """{"action":"create","durationMinutes":5,"matchers":[{"name":"a","value":"b"}]}""", "write" },
        { "silences", """{"action":"expire","id":"sil-x"}""", "write" },
        { "incident_kpis", """{}""", "read" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task Call_IsForbiddenExactlyWithoutTheScope(string tool, string arguments, string scope)
    {
        var host = fixture.Gateway;
        var keys = new Dictionary<string, (string Key, string[] Scopes)>
        {
            ["reader"] = (TestKeys.Reader, ["read"]),
            ["writer"] = (TestKeys.Writer, ["read", "write"]),
            ["approver"] = (TestKeys.Approver, ["read", "approve"]),
            ["searcher"] = (TestKeys.Searcher, ["read", "search"]),
            ["admin"] = (TestKeys.Admin, ["read", "write", "approve", "search", "admin"]),
        };

        foreach (var (name, (key, scopes)) in keys)
        {
            await using var client = await McpClients.ConnectAsync(host, key);
            var result = await client.CallAsync(tool, System.Text.Json.JsonDocument.Parse(arguments).RootElement);
            var forbidden = result.IsError == true && result.Text().StartsWith("Forbidden", StringComparison.Ordinal);
            forbidden.ShouldBe(!scopes.Contains(scope), $"{name} calling {tool} {arguments}: {result.Text()}");
        }
    }
}
