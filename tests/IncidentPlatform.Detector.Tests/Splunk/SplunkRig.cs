using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.Splunk;
using IncidentPlatform.Detector.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Tests.Splunk;

/// <summary>
/// What a Splunk rule runner needs, all real but Splunk: the fake Splunk, the embedded store (leases and checkpoints on
/// the manual clock), and MassTransit's test harness as the bus the alerts are published on.
/// </summary>
internal sealed class SplunkRig : IAsyncDisposable
{
    public const string RuleName = "payment-errors";

    private SplunkRig(FakeClock clock, TestStore store, FakeSplunk splunk, ServiceProvider provider, SplunkOptions options)
    {
        Clock = clock;
        Store = store;
        Splunk = splunk;
        Provider = provider;
        Options = options;
        Client = new SplunkClient(Microsoft.Extensions.Options.Options.Create(options), clock, NullLogger<SplunkClient>.Instance);
    }

    /// <summary>08:10:40: with a 30 s lag, the latest window that may be searched is 08:09–08:10.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 11, 21, 8, 10, 40, TimeSpan.Zero);

    public FakeClock Clock { get; }

    public TestStore Store { get; }

    public FakeSplunk Splunk { get; }

    public ServiceProvider Provider { get; }

    public ITestHarness Harness => Provider.GetRequiredService<ITestHarness>();

    public SplunkOptions Options { get; }

    public SplunkClient Client { get; }

    public SplunkStatusBoard Board { get; } = new();

    public DetectionRuleOptions Rule { get; } = new()
    {
        Query = "index=app level=ERROR | stats count by service",
        Interval = TimeSpan.FromMinutes(1),
        Lag = TimeSpan.FromSeconds(30),
        Threshold = 5,
        Severity = Severity.High,
    };

    public ILeaseStore Leases => Store.Services.GetRequiredService<ILeaseStore>();

    public ICheckpointStore Checkpoints => Store.Services.GetRequiredService<ICheckpointStore>();

    public static async Task<SplunkRig> StartAsync(Action<SplunkOptions>? configure = null)
    {
        var clock = new FakeClock(Start);
        var store = await TestStore.EmbeddedAsync(clock);
        var splunk = await FakeSplunk.StartAsync();
        var services = new ServiceCollection();
        services.AddMassTransitTestHarness(x => x.SetTestTimeouts(testInactivityTimeout: TimeSpan.FromMilliseconds(200)));
        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<ITestHarness>().Start();
        var options = new SplunkOptions
        {
            Url = splunk.Server.BaseAddress.ToString(), Token = "s3cret", Timeout = TimeSpan.FromSeconds(20),
            LeaseTtl = TimeSpan.FromSeconds(30), RetryDelay = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return new SplunkRig(clock, store, splunk, provider, options);
    }

    public SplunkRuleRunner Runner(string owner, ILeaseStore? leases = null) => new(
        RuleName, Rule, Options, Client, leases ?? Leases, Checkpoints,
        new SignalPublisher(Harness.Bus, Clock, NullLogger<SignalPublisher>.Instance), Board, owner, Clock,
        NullLogger.Instance);

    public SplunkHealthCheck Health() => new(
        Microsoft.Extensions.Options.Options.Create(new DetectorOptions { Rules = { [RuleName] = Rule } }), Board);

    public List<AlertReceived> Published() =>
        [.. Harness.Published.Select<AlertReceived>().Select(m => m.Context.Message).OrderBy(m => m.Alert.Timestamp).ThenBy(m => m.Alert.Service)];

    public Task<string?> CheckpointAsync() => Checkpoints.GetAsync(SplunkRuleRunner.CheckpointName(RuleName));

    /// <summary>Adds <paramref name="count"/> error events of <paramref name="service"/> within the minute starting at <paramref name="minute"/>.</summary>
    public void Errors(DateTimeOffset minute, string service, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Splunk.Add(minute.AddSeconds(1 + (i % 58)), service, $"ERROR [{service}] HikariPool-1 - Connection is not available ({i})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Provider.DisposeAsync();
        await Splunk.DisposeAsync();
        await Store.DisposeAsync();
    }
}
