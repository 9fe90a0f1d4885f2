using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IncidentPlatform.AppHost.Tests;

/// <summary>The application as the AppHost runs it: every resource healthy, and the whole incident loop through it.</summary>
public sealed class AppHostTests(AppHostFixture host)
{
    [Fact]
    public void Resources_AfterStart_AreRunningAndHealthy()
    {
        foreach (var resource in AppHostFixture.Resources)
        {
            host.App.ResourceNotifications.TryGetCurrentState(resource, out var state).ShouldBeTrue(resource);
            (state!.Snapshot.State?.Text, state.Snapshot.HealthStatus).ShouldBe((KnownResourceStates.Running, HealthStatus.Healthy), resource);
        }
    }

    [Fact]
    public async Task CpuAlert_ThroughTheAppHost_IsAnalyzedProposedApprovedAndRunInDryRun()
    {
        using var admin = host.CreateGatewayClient();
        var service = $"orders-{Guid.NewGuid():N}"[..16];

        var incident = await CpuAlarmLoop.PostAndAwaitProposalAsync(admin, service);
        var id = incident.GetProperty("id").GetString()!;
        var remediation = incident.GetProperty("remediations")[0].GetProperty("id").GetString();

        // The AppHost gives the admin key the sample policy's approver roles, so its user can approve the reboot.
        using var approved = await admin.PostAsJsonAsync($"/api/remediations/{remediation}/approve", new { comment = "reboot it" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);

        await CpuAlarmLoop.AssertRanOnceInDryRunAsync(admin, id, actor: "admin", channel: "rest");
    }

    [Fact]
    public async Task Gateway_WithoutKey_AnswersUnauthorizedButServesHealth()
    {
        using var anonymous = host.App.CreateHttpClient(ResourceNames.Gateway, "http");

        using var incidents = await anonymous.GetAsync("/api/incidents");
        incidents.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var health = await anonymous.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
