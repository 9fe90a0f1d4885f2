using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Workflow;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IncidentPlatform.Remediation.Tests.Infrastructure;

/// <summary>
/// The remediation module in this process, wired as the service wires it, over the embedded store in a temporary
/// directory and MassTransit's test harness (in-memory bus that records what was published and consumed).
/// </summary>
internal sealed class RemediationHost(TestHost host, ManualTimeProvider time) : IAsyncDisposable
{
    public ManualTimeProvider Time { get; } = time;

    public IServiceProvider Services => host.Services;

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    public RemediationRepository Repository => Services.GetRequiredService<RemediationRepository>();

    public string PolicyPath => host.Directory.File("policy.yaml");

    /// <summary>
    /// Starts a host with <paramref name="policy"/> as its policy file, on the embedded store or, given
    /// <paramref name="redis"/>, on that Redis (so a second host started on it finds what the first left).
    /// </summary>
    public static async Task<RemediationHost> StartAsync(
        string policy, IReadOnlyDictionary<string, string?>? configuration = null, ManualTimeProvider? time = null, string? redis = null,
        Action<IServiceCollection>? services = null)
    {
        time ??= new ManualTimeProvider(TestData.Wednesday10);
        var host = await TestHost.StartAsync("ip-remediation-", directory =>
        {
            File.WriteAllText(directory.File("policy.yaml"), policy);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = directory.Path, EnvironmentName = Environments.Development,
            });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Configuration.AddInMemoryCollection([
                .. redis is null ? TestHost.EmbeddedStore(directory) : [new("ConnectionStrings:redis", redis)],
                new("Remediation:PolicyPath", directory.File("policy.yaml")),
                new("Remediation:SweepInterval", "01:00:00"),
                new("Remediation:Aws:Region", "eu-west-1"),
                new("Remediation:Aws:AccessKeyId", AwsKeys.AccessKeyId),
                new("Remediation:Aws:SecretAccessKey", AwsKeys.SecretAccessKey),
                new("Remediation:Aws:RetryDelay", "00:00:00.010"),
            ]);
            if (configuration is not null)
            {
                builder.Configuration.AddInMemoryCollection(configuration);
            }

            builder.Services.AddSingleton<TimeProvider>(time);
            builder.AddRemediationModule();
            services?.Invoke(builder.Services);
            builder.Services.AddMassTransitTestHarness(bus => bus.AddRemediationConsumers());
            builder.Services.Configure<TestHarnessOptions>(o =>
            {
                o.TestInactivityTimeout = TimeSpan.FromMilliseconds(300);
                o.TestTimeout = TimeSpan.FromSeconds(20);
            });
            return builder.Build();
        });
        return new RemediationHost(host, time);
    }

    /// <summary>Stores <paramref name="incident"/> as an open incident.</summary>
    public async Task<Incident> SeedAsync(Incident incident) =>
        (await Services.GetRequiredService<IIncidentStore>().FindOrOpenAsync(incident.Fingerprint, incident)).Incident;

    /// <summary>Publishes the analysis of <paramref name="incident"/> and waits until the consumer handled it.</summary>
    public async Task AnalyzedAsync(Incident incident, IncidentAnalysis analysis)
    {
        var message = new IncidentAnalyzed { IncidentId = incident.Id, OccurredAt = Time.GetUtcNow(), Analysis = analysis };
        var id = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = id);
        await Eventually.TrueAsync(() => Harness.Consumed.Select<IncidentAnalyzed>(c => c.Context.MessageId == id).Any(), "IncidentAnalyzed consumed");
        await QuietAsync();
        Harness.Consumed.Select<IncidentAnalyzed>(c => c.Exception is not null).Select(c => c.Exception!.ToString()).ShouldBeEmpty();
    }

    /// <summary>Publishes several analyses of <paramref name="incident"/> at once and waits until all were handled.</summary>
    public async Task AnalyzedTogetherAsync(Incident incident, IEnumerable<IncidentAnalysis> analyses)
    {
        var ids = new List<Guid>();
        await Task.WhenAll(analyses.Select(analysis =>
        {
            var id = NewId.NextGuid();
            ids.Add(id);
            var message = new IncidentAnalyzed { IncidentId = incident.Id, OccurredAt = Time.GetUtcNow(), Analysis = analysis };
            return Harness.Bus.Publish(message, context => context.MessageId = id);
        }));
        await Eventually.TrueAsync(() => ids.All(id => Harness.Consumed.Select<IncidentAnalyzed>(c => c.Context.MessageId == id).Any()),
            "every IncidentAnalyzed consumed");
        await QuietAsync();
        Harness.Consumed.Select<IncidentAnalyzed>(c => c.Exception is not null).Select(c => c.Exception!.ToString()).ShouldBeEmpty();
    }

    /// <summary>
    /// An approved <c>http.webhook</c> remediation of rule <paramref name="rule"/> posting to <paramref name="url"/>,
    /// in <paramref name="state"/>, written straight to the store (its execute command never sent).
    /// </summary>
    public async Task<Contracts.Remediation> SeedWebhookAsync(string url, string rule, RemediationState state = RemediationState.Approved)
    {
        var now = Time.GetUtcNow();
        var remediation = new Contracts.Remediation
        {
            Id = $"rem-{Guid.NewGuid():N}", IncidentId = $"inc-{Guid.NewGuid():N}", ActionId = CatalogActions.HttpWebhook,
            Parameters = new Dictionary<string, string> { ["url"] = url },
            Rule = rule, PolicyVersion = "v", Risk = RiskLevel.Medium, ApprovalMode = ApprovalMode.Manual, RequiredApprovals = 1,
            AllowedRoles = ["sre"], State = state, RequestedBy = "policy", CreatedAt = now, UpdatedAt = now,
        };
        await Repository.OpenAsync(remediation, now, default);
        return (await Repository.TryCreateAsync(remediation, default)).ShouldNotBeNull();
    }

    /// <summary>The remediations of an incident.</summary>
    public Task<IReadOnlyList<Contracts.Remediation>> RemediationsAsync(string incidentId) =>
        Repository.ListAsync(incidentId, CancellationToken.None);

    /// <summary>Sends a decision and returns the answer; the decider's stable id is <c>key:&lt;actor&gt;</c> unless given.</summary>
    public async Task<RemediationCommandResult> DecideAsync(
        string remediationId, string actor, bool approve = true, string[]? roles = null, string channel = "rest",
        string? actorId = null)
    {
        var client = Harness.GetRequestClient<DecideRemediation>();
        var response = await client.GetResponse<RemediationCommandResult>(new DecideRemediation
        {
            RemediationId = remediationId, OccurredAt = Time.GetUtcNow(), Approve = approve, Actor = actor,
            ActorId = actorId ?? "key:" + actor, Channel = channel, Roles = roles ?? [],
        });
        await QuietAsync();
        return response.Message;
    }

    /// <summary>Runs one sweep now.</summary>
    public async Task SweepAsync()
    {
        await Services.GetServices<IHostedService>().OfType<RemediationSweeper>().Single().SweepOnceAsync(CancellationToken.None);
        await QuietAsync();
    }

    /// <summary>
    /// Waits until every command the remediation consumes has been handled and the bus has been quiet (nothing
    /// published, sent or consumed) for a few polls in a row.
    /// </summary>
    public async Task QuietAsync()
    {
        var last = -1;
        var quiet = 0;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (quiet < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            var now = Harness.Published.Select<object>().Count() + Harness.Sent.Select<object>().Count() +
                      Harness.Consumed.Select<object>().Count();
            var handled = Harness.Consumed.Select<ExecuteRemediation>().Count() >= Harness.Published.Select<ExecuteRemediation>().Count() &&
                          Harness.Consumed.Select<IncidentAnalyzed>().Count() >= Harness.Published.Select<IncidentAnalyzed>().Count();
            quiet = now == last && handled ? quiet + 1 : 0;
            last = now;
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
