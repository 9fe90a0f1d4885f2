using System.Globalization;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.ServiceDefaults.Configuration;
using StackExchange.Redis;

namespace IncidentPlatform.Store.Redis;

/// <summary>
/// <c>ConnectionStrings:redis</c>, checked before anything connects: the StackExchange.Redis form Aspire injects
/// (<c>host:port,password=…,ssl=true</c>) as it is, or a <c>redis://</c> / <c>rediss://</c> URI turned into that form
/// (its user and password set on the options, so no character of theirs needs escaping). Errors name the key and the
/// part at fault, never the string itself: it may hold a password.
/// </summary>
internal sealed record RedisConnectionString(string Configuration, string? User, string? Password)
{
    private const string Key = $"ConnectionStrings:{ResourceNames.Redis}";

    private const string Expected =
        "Expected 'host:port[,password=…][,ssl=true]' (the form Aspire injects) or " +
        "'redis[s]://[user:password@]host[:port][/database]'.";

    /// <exception cref="ConfigurationException">The string is malformed; the message names the key and the fault.</exception>
    public static RedisConnectionString Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        text = text.Trim();
        var parsed = text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase)
                     || text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase)
            ? FromUri(text)
            : new RedisConnectionString(text, null, null);
        var options = parsed.Check();
        if (options.User is not null && options.Password is null)
        {
            throw Malformed("it names a user but no password.");
        }

        return parsed;
    }

    /// <summary>Applies what the configuration string does not carry (a URI's user and password).</summary>
    public void ApplyTo(ConfigurationOptions options)
    {
        if (User is not null)
        {
            options.User = User;
        }

        if (Password is not null)
        {
            options.Password = Password;
        }
    }

    /// <summary>Parses the configuration string as StackExchange.Redis will, and checks that every endpoint parsed.</summary>
    private ConfigurationOptions Check()
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(Configuration);
        }
        catch (ArgumentException ex)
        {
            // The parameter name is the option's keyword; the message (left out, inner exception too) repeats its value.
            throw Malformed($"the option '{ex.ParamName}' is unknown or has an invalid value.");
        }

        ApplyTo(options);
        var endPoints = Configuration.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Count(part => !part.Contains('=', StringComparison.Ordinal));
        if (endPoints == 0)
        {
            throw Malformed("it names no endpoint (host:port).");
        }

        if (options.EndPoints.Count < endPoints)
        {
            throw Malformed("an endpoint is malformed (expected host:port, with a port from 1 to 65535).");
        }

        return options;
    }

    private static RedisConnectionString FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw Malformed("the URI is malformed or names no host.");
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port;
        var configuration = new List<string> { $"{uri.Host}:{port.ToString(CultureInfo.InvariantCulture)}" };
        if (uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase))
        {
            configuration.Add("ssl=true");
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            if (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var database))
            {
                throw Malformed("the URI's path must be a database number.");
            }

            configuration.Add($"defaultDatabase={database.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var option = Uri.UnescapeDataString(pair);
            if (option.Contains(',', StringComparison.Ordinal) || !option.Contains('=', StringComparison.Ordinal))
            {
                throw Malformed("a query option of the URI is not name=value (without commas).");
            }

            configuration.Add(option);
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        return new RedisConnectionString(string.Join(',', configuration), user is "" ? null : user, password);
    }

    private static ConfigurationException Malformed(string fault) =>
        new($"'{Key}' is not a valid Redis connection string: {fault} {Expected}");
}
