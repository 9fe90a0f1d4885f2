using IncidentPlatform.ServiceDefaults.Configuration;

namespace IncidentPlatform.ServiceDefaults.Messaging;

/// <summary>A RabbitMQ endpoint parsed from an <c>amqp://user:pass@host:port/vhost</c> connection string.</summary>
public sealed record RabbitMqEndpoint(string Host, int Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    /// <summary>An example of the accepted form, used in error messages.</summary>
    public const string Example = "amqp://guest:guest@localhost:5672/";

    /// <summary>Parses the connection string, throwing <see cref="ConfigurationException"/> when it is malformed.</summary>
    public static RabbitMqEndpoint Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) ||
            (uri.Scheme != "amqp" && uri.Scheme != "amqps") || string.IsNullOrEmpty(uri.Host))
        {
            throw new ConfigurationException(
                $"Configuration 'ConnectionStrings:{ResourceNames.Messaging}' is malformed: expected an AMQP URI " +
                $"such as '{Example}' (amqps:// for TLS).");
        }

        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port;
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var virtualHost = path.Length == 0 ? "/" : path;
        var (user, password) = SplitUserInfo(uri.UserInfo);
        return new RabbitMqEndpoint(uri.Host, port, virtualHost, user, password, tls);
    }

    private static (string User, string Password) SplitUserInfo(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return ("guest", "guest");
        }

        var colon = userInfo.IndexOf(':');
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), "")
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}
