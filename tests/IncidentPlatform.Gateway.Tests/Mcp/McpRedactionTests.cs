using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Tests.Incidents;
using IncidentPlatform.Gateway.Tests.Infrastructure;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Mcp;

/// <summary>MCP tool results carry incident text to a client, often a model: secrets in it are redacted as in prompts.</summary>
public sealed class McpRedactionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 8, 0, 0, TimeSpan.Zero);
    private const string AwsKey = "AKIAIOSFODNN7EXAMPLE";

    [Fact]
    public async Task ToolResults_SecretsInIncidentText_AreRedactedInTextAndStructuredContent()
    {
        var (host, _) = await FakeOwners.StartHostAsync();
        await using var _ = host;
        var incident = await IncidentSeed.OpenAsync(host.Services, "orders", Severity.High, T0);
        var store = host.Services.GetRequiredService<IIncidentStore>();
        await store.AppendTimelineAsync(incident.Id, new TimelineEntry
        {
            At = T0, Kind = "note", Message = "login failed: password=hunter2-very-secret, key Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl", Actor = "writer",
        });
        // The evidence is cut at 300 characters, in the middle of the key: no prefix of it may be left either.
        var evidence = new string('l', 284) + " " + AwsKey + " was used from an unknown host";
        await store.UpdateAsync(incident.Id, i => i with
        {
            Analysis = new IncidentAnalysis
            {
                Category = "auth", Severity = Severity.High, Provider = "offline", AnalyzedAt = T0,
                Hypotheses = [new Hypothesis { Summary = $"Leaked key {AwsKey} in use", Confidence = 0.5, Evidence = [evidence] }],
            },
        });
        await using var client = await McpClients.ConnectAsync(host, TestKeys.Reader);

        var detail = await client.CallAsync("incident_management", new { action = "get", id = incident.Id });
        var analysis = await client.CallAsync("root_cause_analysis", new { id = incident.Id });

        foreach (var text in new[] { detail.Text(), detail.Structured().GetRawText(), analysis.Text(), analysis.Structured().GetRawText() })
        {
            text.ShouldNotContain("hunter2");
            text.ShouldNotContain("eyJhbGciOiJIUzI1NiJ9");
            text.ShouldNotContain("AKIAIOSF");
        }

        detail.Structured().GetProperty("timeline").EnumerateArray().ShouldContain(t =>
            t.GetProperty("message").GetString()!.StartsWith("login failed: password=[REDACTED:secret]", StringComparison.Ordinal));
        var hypothesis = analysis.Structured().GetProperty("analysis").GetProperty("hypotheses")[0];
        hypothesis.GetProperty("summary").GetString().ShouldBe("Leaked key [REDACTED:aws-access-key] in use");
        hypothesis.GetProperty("evidence")[0].GetString()!.ShouldEndWith(new string('l', 284) + " …[truncated 35 more characters]");
    }
}
