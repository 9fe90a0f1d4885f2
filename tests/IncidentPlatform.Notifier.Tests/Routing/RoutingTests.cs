using IncidentPlatform.Contracts;
using IncidentPlatform.Testing;

namespace IncidentPlatform.Notifier.Tests.Routing;

public sealed class RoutingTests : IAsyncLifetime
{
    private FakeHttpServer _fake = null!;
    private NotifierHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeHttpServer.StartAsync();
        _fake.On(_ => true, 200, "");
        _host = await NotifierHost.StartAsync(ChannelConfig.Merge(
            ChannelConfig.Webhook("pager", new Uri(_fake.BaseAddress, "pager/")),
            ChannelConfig.Webhook("billing", new Uri(_fake.BaseAddress, "billing/")),
            ChannelConfig.Webhook("approvals", new Uri(_fake.BaseAddress, "approvals/")),
            new()
            {
                ["Notifier:Routes:0:Name"] = "page on serious openings",
                ["Notifier:Routes:0:Events:0"] = "IncidentOpened",
                ["Notifier:Routes:0:MinSeverity"] = "High",
                ["Notifier:Routes:0:Channels:0"] = "pager",
                ["Notifier:Routes:1:Services:0"] = "billing",
                ["Notifier:Routes:1:Labels:env"] = "prod",
                ["Notifier:Routes:1:Channels:0"] = "billing",
                ["Notifier:Routes:2:Events:0"] = "ApprovalRequested",
                ["Notifier:Routes:2:Channels:0"] = "approvals",
                ["Notifier:Routes:2:Channels:1"] = "billing",
            }));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task SeverityBelowTheMinimum_DoesNotPage()
    {
        await _host.PublishAsync(TestData.Opened(TestData.Incident(severity: Severity.Medium)));
        _fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task HighIncidentOpened_GoesToThePager()
    {
        await _host.PublishAsync(TestData.Opened(TestData.Incident(severity: Severity.High)));
        _fake.Requests.ShouldHaveSingleItem().Path.ShouldBe("/pager/hook");
    }

    [Fact]
    public async Task ServiceAndLabels_MatchTheBillingRoute_AndRoutesUnite()
    {
        var labels = new Dictionary<string, string> { ["env"] = "prod", ["team"] = "payments" };
        await _host.PublishAsync(TestData.Opened(TestData.Incident(severity: Severity.Critical, service: "billing", labels: labels)));
        _fake.Requests.Select(r => r.Path).Order().ShouldBe(["/billing/hook", "/pager/hook"]);
    }

    [Fact]
    public async Task LabelWithAnotherValue_DoesNotMatch()
    {
        var labels = new Dictionary<string, string> { ["env"] = "staging" };
        await _host.PublishAsync(TestData.Updated(TestData.Incident(service: "billing", labels: labels, version: 2)));
        _fake.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ChannelNamedByTwoMatchingRoutes_GetsTheEventOnce()
    {
        var incident = await _host.OpenAsync(TestData.Incident(service: "billing"));
        await _host.PublishAsync(TestData.ApprovalRequested(TestData.Remediation(incident.Id)));
        _fake.Requests.Select(r => r.Path).Order().ShouldBe(["/approvals/hook", "/billing/hook"]);
    }
}
