using System.Globalization;

namespace IncidentPlatform.Redis;

/// <summary>Parsing of the two connection-string forms.</summary>
public sealed partial class RedisOptions
{
    /// <summary>
    /// Parses <c>host:port,password=…,user=…,ssl=true,sslHost=…,sslInsecure=true,defaultDatabase=2,connectTimeout=5000,
    /// syncTimeout=5000,asyncTimeout=5000,abortConnect=false,name=x</c> (the Aspire/StackExchange.Redis form; unknown
    /// options are ignored) or <c>redis://[user:password@]host[:port][/db][?option=value&amp;…]</c> and <c>rediss://…</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The string is empty.</exception>
    /// <exception cref="FormatException">An endpoint or an option's value is malformed; the message names it.</exception>
    public static RedisOptions Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var text = connectionString.Trim();
        return text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase)
            ? ParseUri(text)
            : ParseConfiguration(text);
    }

    private static RedisOptions ParseConfiguration(string text)
    {
        var options = new RedisOptions();
        var sawEndPoint = false;
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                if (sawEndPoint)
                {
                    throw new FormatException(
                        $"The Redis connection string names more than one endpoint ('{raw}'); this client connects to one server.");
                }

                (options.Host, var port) = ParseEndPoint(raw);
                options.Port = port ?? DefaultPort;
                sawEndPoint = true;
                continue;
            }

            options.Apply(raw[..equals].Trim(), raw[(equals + 1)..].Trim());
        }

        if (!sawEndPoint)
        {
            throw new FormatException("The Redis connection string names no endpoint (host:port).");
        }

        return options;
    }

    private static RedisOptions ParseUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("The Redis URI is malformed; expected redis://[user:password@]host[:port][/db].");
        }

        var options = new RedisOptions
        {
            Host = uri.IdnHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
            Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase),
        };

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            options.User = user.Length == 0 ? null : user;
            options.Password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            options.Database = ParseInt32("database (URI path)", path);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options.Apply(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..]));
            }
        }

        return options;
    }

    private void Apply(string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "password":
                Password = value;
                break;
            case "user":
                User = value.Length == 0 ? null : value;
                break;
            case "ssl":
                Ssl = ParseBoolean(key, value);
                break;
            case "sslhost":
                SslHost = value.Length == 0 ? null : value;
                break;
            case "sslinsecure":
                SslInsecure = ParseBoolean(key, value);
                break;
            case "defaultdatabase":
                Database = ParseInt32(key, value);
                break;
            case "connecttimeout":
                ConnectTimeout = ParseMilliseconds(key, value);
                break;
            case "synctimeout":
            case "asynctimeout":
                CommandTimeout = ParseMilliseconds(key, value);
                break;
            case "abortconnect":
                AbortOnConnectFail = ParseBoolean(key, value);
                break;
            case "name":
                ClientName = value.Length == 0 ? null : value;
                break;
            default:
                break; // StackExchange.Redis options this client has no use for (allowAdmin, keepAlive, …)
        }
    }

    private static (string Host, int? Port) ParseEndPoint(string text)
    {
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || (close + 1 < text.Length && text[close + 1] != ':'))
            {
                throw new FormatException($"The Redis endpoint '{text}' is malformed; expected [ipv6]:port.");
            }

            host = text[1..close];
            port = close + 1 < text.Length ? text[(close + 2)..] : null;
        }
        else
        {
            var colon = text.LastIndexOf(':');
            host = colon < 0 ? text : text[..colon];
            port = colon < 0 ? null : text[(colon + 1)..];
        }

        if (host.Length == 0)
        {
            throw new FormatException($"The Redis endpoint '{text}' has no host.");
        }

        if (port is null)
        {
            return (host, null);
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535)
        {
            throw new FormatException($"The Redis endpoint '{text}' has an invalid port '{port}' (expected 1-65535).");
        }

        return (host, number);
    }

    private static bool ParseBoolean(string key, string value) =>
        bool.TryParse(value, out var result)
            ? result
            : throw new FormatException($"Invalid value '{value}' for Redis option '{key}': expected true or false.");

    private static int ParseInt32(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException($"Invalid value '{value}' for Redis option '{key}': expected a non-negative whole number.");

    private static TimeSpan ParseMilliseconds(string key, string value)
    {
        var milliseconds = ParseInt32(key, value);
        return milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw new FormatException($"Invalid value '{value}' for Redis option '{key}': expected a positive number of milliseconds.");
    }
}
