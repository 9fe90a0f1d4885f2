using IncidentPlatform.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Auth;

/// <summary>What the routing table itself says about authentication: nothing anonymous but health and the UI's files.</summary>
public sealed class EndpointAuthorizationTests
{
    [Fact]
    public async Task Endpoints_OnlyHealthAndUiFilesAreAnonymous_AndEveryWebhookRequiresItsSourcesScheme()
    {
        await using var host = await GatewayTestHost.StartAsync();

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText)
            .ShouldBe(["/health", "/alive", "/", "/favicon.ico", "/ui/{*file}"], ignoreOrder: true);
        var webhooks = new Dictionary<string, string>
        {
            ["/api/alerts/sns"] = "Webhook:Sns", ["/api/alerts/cloudwatch-logs"] = "Webhook:CloudWatchLogs",
            ["/api/alerts/alertmanager"] = "Webhook:Alertmanager", ["/api/alerts/grafana"] = "Webhook:Grafana",
            ["/api/alerts/pagerduty"] = "Webhook:PagerDuty", ["/api/slack/interactions"] = "Webhook:Slack",
        };
        foreach (var (path, scheme) in webhooks)
        {
            var endpoint = endpoints.Single(e => e.RoutePattern.RawText == path);
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().SelectMany(p => p.AuthenticationSchemes).ShouldBe([scheme], path);
        }
    }
}
