using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Incidents;
using MassTransit;

namespace IncidentPlatform.Gateway.Remediations;

/// <summary>The gateway's remediation capability: the incident detail part and list field, the request clients, the endpoints.</summary>
internal static class RemediationGatewayExtensions
{
    public static IHostApplicationBuilder AddGatewayRemediations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RemediationReader>();
        builder.Services.AddScoped<IIncidentDetailPart, RemediationsPart>();
        builder.Services.AddScoped<IIncidentRowPart, PendingApprovalsRowPart>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Add(RemediationsJsonContext.Default));
        return builder;
    }

    public static IBusRegistrationConfigurator AddRemediationRequestClients(this IBusRegistrationConfigurator bus)
    {
        // DecideRemediation and SuggestRemediations are registered with the gateway's other request clients.
        bus.AddRequestClient<VerifyAuditTrail>(BusRequests.Timeout);
        return bus;
    }
}
