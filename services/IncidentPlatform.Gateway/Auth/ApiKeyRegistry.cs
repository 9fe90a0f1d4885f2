using System.Security.Cryptography;
using System.Text;
using IncidentPlatform.ServiceDefaults.Configuration;

namespace IncidentPlatform.Gateway.Auth;

/// <summary>
/// The API keys from <c>Auth:ApiKeys:&lt;name&gt;</c> (<c>Key</c> or <c>KeyHash</c> = hex SHA-256 of the key,
/// <c>Scopes</c> and <c>Roles</c> as comma-separated lists or arrays). Only hashes are kept in memory; a presented key
/// is hashed and compared in constant time.
/// </summary>
internal sealed class ApiKeyRegistry
{
    public const string Section = "Auth:ApiKeys";
    private readonly IReadOnlyList<ApiKey> _keys;

    public ApiKeyRegistry(IReadOnlyList<ApiKey> keys) => _keys = keys;

    public int Count => _keys.Count;

    public static ApiKeyRegistry FromConfiguration(IConfiguration configuration)
    {
        var keys = new List<ApiKey>();
        foreach (var entry in configuration.GetSection(Section).GetChildren())
        {
            keys.Add(Parse(entry));
        }

        return new ApiKeyRegistry(keys);
    }

    /// <summary>The key matching <paramref name="presented"/>, or null.</summary>
    public ApiKey? Find(string presented)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKey? match = null;
        foreach (var key in _keys)
        {
            // Compare against every key so the time taken does not depend on which one matched.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                match = key;
            }
        }

        return match;
    }

    private static ApiKey Parse(IConfigurationSection entry)
    {
        var where = $"{Section}:{entry.Key}";
        var key = entry["Key"];
        var keyHash = entry["KeyHash"];
        byte[] hash;
        if (!string.IsNullOrEmpty(keyHash))
        {
            hash = TryHex(keyHash) ?? throw new ConfigurationException(
                $"'{where}:KeyHash' must be the 64 hex characters of the key's SHA-256.");
        }
        else if (!string.IsNullOrEmpty(key))
        {
            if (key.Length < 16)
            {
                throw new ConfigurationException($"'{where}:Key' is too short: use at least 16 random characters.");
            }

            hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        }
        else
        {
            throw new ConfigurationException($"'{where}' needs 'Key' or 'KeyHash'.");
        }

        var scopes = List(entry.GetSection("Scopes"));
        if (scopes.Count == 0)
        {
            throw new ConfigurationException(
                $"'{where}:Scopes' is empty: give one or more of {string.Join(", ", Scopes.All)}.");
        }

        var unknown = scopes.Where(s => !Scopes.All.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new ConfigurationException(
                $"'{where}:Scopes' has unknown scope(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Scopes.All)}.");
        }

        return new ApiKey(entry.Key, hash, scopes.ToHashSet(), List(entry.GetSection("Roles")));
    }

    // Accepts "read,write" as well as an array (Scopes:0, Scopes:1…).
    private static List<string> List(IConfigurationSection section)
    {
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant())
            .Distinct()
            .ToList();
    }

    private static byte[]? TryHex(string hex)
    {
        try
        {
            var bytes = Convert.FromHexString(hex.Trim());
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
