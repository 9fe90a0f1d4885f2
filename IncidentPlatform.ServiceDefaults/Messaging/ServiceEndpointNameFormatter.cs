using MassTransit;

namespace IncidentPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Kebab-case endpoint names prefixed with the owning service (<c>IncidentPlatform.{Service}.*</c>), so that
/// <c>IncidentOpenedConsumer</c> in the analysis worker and in the notifier get their own queues
/// (<c>analysis-incident-opened</c>, <c>notifier-incident-opened</c>), while replicas of one service share one queue
/// and compete for its messages.
/// </summary>
public sealed class ServiceEndpointNameFormatter() : KebabCaseEndpointNameFormatter(includeNamespace: false)
{
    /// <inheritdoc />
    public override string Consumer<T>() => Prefixed(typeof(T), base.Consumer<T>());

    /// <inheritdoc />
    public override string Saga<T>() => Prefixed(typeof(T), base.Saga<T>());

    private string Prefixed(Type type, string name)
    {
        var parts = (type.Namespace ?? "").Split('.');
        var service = parts.Length > 1 && parts[0] == "IncidentPlatform" ? parts[1] : null;
        return service is null ? name : $"{SanitizeName(service)}-{name}";
    }
}
