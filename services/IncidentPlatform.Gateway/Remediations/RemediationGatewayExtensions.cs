using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;
using MassTransit;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>The gateway's remediation capability: the incident detail part, the request clients, the endpoints.</summary>
internal static class RemediationGatewayExtensions
{
    public static IHostApplicationBuilder AddGatewayRemediations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IIncidentDetailPart, RemediationsPart>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(RemediationsJsonContext.Default));
        return builder;
    }

    public static IBusRegistrationConfigurator AddRemediationRequestClients(this IBusRegistrationConfigurator bus)
    {
        bus.AddRequestClient<DecideRemediation>(BusRequests.Timeout);
        bus.AddRequestClient<VerifyAuditTrail>(BusRequests.Timeout);
        bus.AddRequestClient<SuggestRemediations>(BusRequests.Timeout);
        return bus;
    }
}
