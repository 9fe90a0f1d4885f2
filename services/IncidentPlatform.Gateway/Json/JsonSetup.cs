using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentPlatform.Gateway.Json;

/// <summary>The gateway's JSON: source-generated types, camelCase names, enums as camelCase strings.</summary>
internal static class JsonSetup
{
    public static IServiceCollection AddGatewayJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

    public static void Configure(JsonSerializerOptions options)
    {
        options.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
