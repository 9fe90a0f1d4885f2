using Microsoft.Extensions.Configuration;

namespace IncidentPlatform.ServiceDefaults.Configuration;

/// <summary>Reads connection strings by their resource name and fails fast with a clear message.</summary>
public static class ConnectionStringExtensions
{
    /// <summary>
    /// Returns <c>ConnectionStrings:{name}</c>, or throws <see cref="ConfigurationException"/> naming the key and
    /// an example of the expected form.
    /// </summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name, string example)
    {
        var value = configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException(
                $"Configuration 'ConnectionStrings:{name}' is missing. Set it (for example the environment variable " +
                $"ConnectionStrings__{name}) to a value such as '{example}'.");
        }

        return value.Trim();
    }
}
