using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.SystemTests;

/// <summary>
/// Two remediation processes on one RabbitMQ and one Redis: an approved action runs exactly once, however many times its
/// execute command is delivered and whichever replica gets each delivery.
/// </summary>
public sealed class RemediationExactlyOnceTests(RabbitMqFixture rabbit, RedisFixture redis) : IAsyncLifetime
{
    private const string Secret = "system-test-webhook-secret";
    private readonly string _directory = Directory.CreateTempSubdirectory("ip-remediation-system-").FullName;
    private FakeHttpServer _hook = null!;

    public async ValueTask InitializeAsync()
    {
        _hook = await FakeHttpServer.StartAsync();
        _hook.On(r => r.Path == "/ops/restart", async (_, response) =>
        {
            await Task.Delay(100); // The replicas' claims overlap the call.
            response.StatusCode = 200;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _hook.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ApprovedAction_WithTwoReplicasAndRedeliveredCommands_RunsExactlyOnce()
    {
        var policy = Path.Combine(_directory, "policy.yaml");
        await File.WriteAllTextAsync(policy, $$$"""
            bounds:
              http.webhook: {allowedUrls: ["{{{_hook.BaseAddress}}}ops/"]}
            rules:
              - name: restart-checkout
                match: {categories: [crash-loop]}
                actions:
                  - action: http.webhook
                    parameters: {url: "{{{_hook.BaseAddress}}}ops/restart", body: '{"incident":"{{incident.id}}"}'}
                approval: {mode: manual, roles: [sre]}
            """);
        var configuration = Services.Configuration(rabbit.Server.ConnectionString, redis.ConnectionString);
        configuration["Remediation:PolicyPath"] = policy;
        configuration["Remediation:Webhook:Secret"] = Secret;
        configuration["Logging:LogLevel:IncidentPlatform.Remediation.Executors"] = "Debug";
        var replicas = await Task.WhenAll(ServiceProcess.StartHealthyAsync("IncidentPlatform.Remediation", configuration),
            ServiceProcess.StartHealthyAsync("IncidentPlatform.Remediation", configuration));
        await using var store = await TestStore.RedisAsync(redis.ConnectionString);
        var bus = await StartBusAsync();
        try
        {
            var candidate = Incident();
            var incident = (await store.Incidents.FindOrOpenAsync(candidate.Fingerprint, candidate)).Incident;
            await bus.Publish(new IncidentAnalyzed { IncidentId = incident.Id, OccurredAt = DateTimeOffset.UtcNow, Analysis = Analysis() });
            var documents = store.Services.GetRequiredService<IDocumentStore>();
            var pending = await EventuallyAsync(() => documents.ListAsync("remediations", incident.Id),
                d => d.Count == 1 && d[0].Json.Contains("\"state\":\"PendingApproval\""));

            var decision = await bus.CreateRequestClient<DecideRemediation>().GetResponse<RemediationCommandResult>(new DecideRemediation
            {
                RemediationId = pending[0].Id, OccurredAt = DateTimeOffset.UtcNow, Approve = true, Actor = "sre-alice", ActorId = "key:sre-alice",
                Channel = "rest", Roles = ["sre"],
            });
            decision.Message.Accepted.ShouldBeTrue(decision.Message.Error);
            var redelivered = new ExecuteRemediation { IncidentId = incident.Id, RemediationId = pending[0].Id, OccurredAt = DateTimeOffset.UtcNow };
            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => bus.Publish(redelivered)));

            await EventuallyAsync(() => documents.GetAsync("remediations", pending[0].Id)!, d => d!.Json.Contains("\"state\":\"Succeeded\""));
            await Task.Delay(TimeSpan.FromSeconds(2)); // Give a second run every chance to show up.
            var call = _hook.Requests.ShouldHaveSingleItem();
            replicas.ShouldAllBe(r => HandledExecute(r.Output, pending[0].Id), "both replicas took execute commands for it");
            call.BodyText.ShouldBe($$"""{"incident":"{{incident.Id}}"}""");
            call.Header("X-IncidentPlatform-Signature").ShouldNotBeNull().ShouldStartWith("sha256=");
            var audit = await bus.CreateRequestClient<VerifyAuditTrail>().GetResponse<AuditTrailVerification>(
                new VerifyAuditTrail { IncidentId = incident.Id, OccurredAt = DateTimeOffset.UtcNow });
            audit.Message.Valid.ShouldBeTrue(audit.Message.Error);
            audit.Message.Entries.ShouldBe(6); // proposed, approval-requested, evaluated, approved, executing, succeeded
        }
        finally
        {
            await bus.StopAsync();
            await Task.WhenAll(replicas.Select(r => r.DisposeAsync().AsTask()));
        }
    }

    // The executor's lines for a delivery: it ran the action, lost the claim, or found it already running or done.
    private static bool HandledExecute(string output, string remediationId) => output.Split('\n').Any(line =>
        line.Contains(remediationId, StringComparison.Ordinal) &&
        (line.Contains("nothing to execute", StringComparison.Ordinal) || line.Contains("claimed by another executor", StringComparison.Ordinal) ||
         line.Contains(") succeeded", StringComparison.Ordinal)));

    private async Task<IBusControl> StartBusAsync()
    {
        var endpoint = ServiceDefaults.Messaging.RabbitMqEndpoint.Parse(rabbit.Server.ConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(endpoint.Host, (ushort)endpoint.Port, endpoint.VirtualHost, h =>
        {
            h.Username(endpoint.Username);
            h.Password(endpoint.Password);
        }));
        await bus.StartAsync();
        return bus;
    }

    private static Incident Incident()
    {
        var now = DateTimeOffset.UtcNow;
        return new Incident
        {
            Id = Ids.New("inc"), Fingerprint = Guid.NewGuid().ToString("N"), Title = "checkout keeps restarting",
            Service = $"checkout-{Guid.NewGuid():N}"[..20], Severity = Severity.High, Status = IncidentStatus.Open, Source = "system-test",
            CreatedAt = now, UpdatedAt = now, FirstAlertAt = now, LastAlertAt = now, AlertCount = 1, Version = 1,
        };
    }

    private static IncidentAnalysis Analysis() => new()
    {
        Category = AnalysisCategories.CrashLoop,
        Hypotheses = [new Hypothesis { Summary = "The container is OOM-killed", Confidence = 0.7 }],
        Severity = Severity.High,
        Provider = "offline",
        AnalyzedAt = DateTimeOffset.UtcNow,
    };

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within 60s; last: {value}");
            }

            await Task.Delay(100);
        }
    }
}
