namespace IncidentPlatform.ServiceDefaults;

/// <summary>
/// The names of the application's resources, shared by the AppHost, the services and the tests.
/// They double as connection-string names (<c>ConnectionStrings:redis</c>) and as default service names.
/// </summary>
public static class ResourceNames
{
    /// <summary>The Redis incident store.</summary>
    public const string Redis = "redis";

    /// <summary>The RabbitMQ broker.</summary>
    public const string Messaging = "messaging";

    /// <summary>The detector service.</summary>
    public const string Detector = "detector";

    /// <summary>The analysis worker.</summary>
    public const string Analysis = "analysis";

    /// <summary>The remediation service.</summary>
    public const string Remediation = "remediation";

    /// <summary>The notifier service.</summary>
    public const string Notifier = "notifier";

    /// <summary>The gateway, the only public edge.</summary>
    public const string Gateway = "gateway";
}
