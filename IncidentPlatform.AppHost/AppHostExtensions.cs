namespace IncidentPlatform.AppHost;

/// <summary>The shape every service shares in the AppHost, and the optional integrations' parameters.</summary>
internal static class AppHostExtensions
{
    /// <summary>The readiness endpoint of every service (ServiceDefaults' <c>MapDefaultEndpoints</c>).</summary>
    public const string HealthPath = "/health";

    /// <summary>
    /// Adds one of the five services: an HTTP endpoint (on <paramref name="port"/> when given, else any free one), its
    /// <c>/health</c> as the health check (so <c>WaitFor</c> on it waits for readiness), Redis and RabbitMQ as references
    /// it starts after, once they are healthy.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(this IDistributedApplicationBuilder builder,
        string name, IResourceBuilder<RedisResource> redis, IResourceBuilder<RabbitMQServerResource> messaging, int? port = null)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithHttpEndpoint(port: port, name: "http")
            .WithHttpHealthCheck(HealthPath)
            .WithReference(redis).WaitFor(redis)
            .WithReference(messaging).WaitFor(messaging);

    /// <summary>
    /// A parameter of an optional integration, added only when a value is configured (<c>Parameters:&lt;name&gt;</c>):
    /// an unset parameter would hold its resources back until someone supplies it.
    /// </summary>
    public static IResourceBuilder<ParameterResource>? AddOptionalParameter(this IDistributedApplicationBuilder builder,
        string name, bool secret = false) =>
        string.IsNullOrWhiteSpace(builder.Configuration[$"Parameters:{name}"]) ? null : builder.AddParameter(name, secret);

    /// <summary>Sets <paramref name="variable"/> from <paramref name="parameter"/> when that integration is configured.</summary>
    public static IResourceBuilder<T> WithOptionalEnvironment<T>(this IResourceBuilder<T> resource, string variable,
        IResourceBuilder<ParameterResource>? parameter) where T : IResourceWithEnvironment =>
        parameter is null ? resource : resource.WithEnvironment(variable, parameter);
}
