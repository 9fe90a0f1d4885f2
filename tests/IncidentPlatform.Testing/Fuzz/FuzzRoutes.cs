namespace IncidentPlatform.Testing.Fuzz;

/// <summary>
/// Every public route of the gateway that takes a body (alert intake, the vendor webhooks, Slack interactivity, incident,
/// silence and remediation commands, MCP), with a valid sample body each (the vendor samples of the gateway's tests).
/// </summary>
public static class FuzzRoutes
{
    /// <param name="apiKey">A key with every scope, sent by the routes an API key authenticates.</param>
    /// <param name="incidentId">An incident for the incident commands.</param>
    public static IReadOnlyList<FuzzRoute> Gateway(string apiKey, string incidentId)
    {
        var key = new Dictionary<string, string> { ["X-Api-Key"] = apiKey };
        const string json = "application/json";
        return
        [
            new("POST", "/api/alerts", json, """
                {"source":"fuzz","title":"Checkout latency above 2s","message":"p99 2.4s","severity":"high",
                 "timestamp":"2026-11-21T08:00:00Z","service":"checkout","id":"a-1","labels":{"env":"prod"}}
                """, key),
            new("POST", "/api/alerts/alertmanager", json, Sample("alertmanager-firing.json"), key),
            new("POST", "/api/alerts/grafana", json, Sample("grafana-firing.json"), key),
            new("POST", "/api/alerts/cloudwatch-logs", json, Sample("cloudwatch-logs-data.json"), key),
            new("POST", "/api/alerts/pagerduty", json, Sample("pagerduty-incident-triggered.json"), key),
            new("POST", "/api/alerts/sns", "text/plain", Sample("sns-real-sha256.json"),
                new Dictionary<string, string> { ["x-amz-sns-message-type"] = "Notification" }),
            new("POST", "/api/slack/interactions", "application/x-www-form-urlencoded",
                "payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%7D",
                new Dictionary<string, string> { ["X-Slack-Request-Timestamp"] = "1764000000", ["X-Slack-Signature"] = "v0=00" }),
            new("POST", $"/api/incidents/{incidentId}/acknowledge", json, """{"note":"on it"}""", key),
            new("POST", $"/api/incidents/{incidentId}/resolve", json, """{"resolution":"fixed","note":"restarted"}""", key),
            new("PATCH", $"/api/incidents/{incidentId}", json, """{"title":"t","severity":"low","labels":{"a":"b"}}""", key),
            new("POST", "/api/silences", json,
                """{"durationMinutes":5,"comment":"c","matchers":[{"name":"service","value":"checkout"}]}""", key),
            new("POST", "/api/remediations/rem-fuzz/approve", json, """{"comment":"ok"}""", key),
            new("POST", "/api/remediations/rem-fuzz/reject", json, """{"comment":"no"}""", key),
            new("POST", "/mcp", json, """
                {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"incident_management","arguments":{"action":"list","limit":5}}}
                """, new Dictionary<string, string>(key) { ["Accept"] = "application/json, text/event-stream" }),
        ];
    }

    private static string Sample(string file) =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "IncidentPlatform.Gateway.Tests", "Intake", "TestData", file));
}
