using System.Security.Cryptography;
using IncidentPlatform.ServiceDefaults.Messaging;

namespace IncidentPlatform.Standalone;

/// <summary>Defaults of the one-process host: in-memory bus, loopback address, embedded store, a local admin key.</summary>
public static class StandaloneExtensions
{
    /// <summary>The address used when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints are configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The file, in the data directory, holding the generated admin API key.</summary>
    public const string AdminKeyFile = "admin-api-key";

    /// <summary>The approver roles the sample remediation policy names, given to the generated admin key.</summary>
    public static readonly string[] SamplePolicyRoles = ["sre", "capacity"];

    private const string GeneratedKeyPathKey = "IncidentPlatform:Standalone:GeneratedKeyPath";

    /// <summary>Applies the standalone defaults; explicit configuration still wins where it is given.</summary>
    public static WebApplicationBuilder AddStandaloneDefaults(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        config[MessagingExtensions.TransportKey] = MessagingExtensions.InMemory;
        config["IncidentPlatform:Store"] ??= "embedded";
        config["Detector:Demo:Enabled"] ??= "true";
        var dataDirectory = Path.GetFullPath(config["IncidentPlatform:DataDirectory"] ?? "data");
        config["IncidentPlatform:DataDirectory"] = dataDirectory;

        if (!config.GetSection("Auth:ApiKeys").GetChildren().Any())
        {
            config["Auth:ApiKeys:admin:Key"] = ReadOrCreateAdminKey(dataDirectory, out var created);
            config[GeneratedKeyPathKey] = created;
            config["Auth:ApiKeys:admin:Scopes"] = "read,write,approve,admin";
            // The one local operator may decide what the sample policy leaves to people (its approver roles).
            config["Auth:ApiKeys:admin:Roles"] = string.Join(',', SamplePolicyRoles);
        }

        var configured = !string.IsNullOrWhiteSpace(config["urls"]) ||
                         config.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Logs where the host listens (and where a generated admin key was written), once the server has started.</summary>
    public static WebApplication LogListeningAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = string.Join(", ", app.Urls);
            app.Logger.LogInformation("IncidentPlatform standalone is listening on {Addresses}", addresses);
            if (app.Configuration[GeneratedKeyPathKey] is { Length: > 0 } path)
            {
                app.Logger.LogWarning(
                    "No API key was configured: created an admin key in {Path}. Send it as the X-Api-Key header " +
                    "(or configure Auth:ApiKeys).", path);
            }
        });
        return app;
    }

    // No key configured: the first run creates one and says where it is. The key is written to a file created readable by
    // this user only (never by others, not for an instant), then renamed into place without replacing anything, so the
    // key file is never seen half-written: a run stopped midway leaves no key file, and of two first runs one key wins.
    private static string ReadOrCreateAdminKey(string dataDirectory, out string? created)
    {
        var path = Path.Combine(dataDirectory, AdminKeyFile);
        created = null;
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(dataDirectory);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var temporary = Path.Combine(dataDirectory, $".{AdminKeyFile}-{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temporary, options))
            {
                file.Write(System.Text.Encoding.ASCII.GetBytes(key + Environment.NewLine));
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim(); // another first run won
        }
        finally
        {
            File.Delete(temporary);
        }

        created = path;
        return key;
    }
}
