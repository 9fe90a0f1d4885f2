using IncidentPlatform.ServiceDefaults.Messaging;

namespace IncidentPlatform.Standalone;

/// <summary>Defaults of the one-process host: in-memory bus, loopback address, embedded store.</summary>
public static class StandaloneExtensions
{
    /// <summary>The address used when neither <c>--urls</c>, <c>ASPNETCORE_URLS</c> nor Kestrel endpoints are configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>Applies the standalone defaults; explicit configuration still wins where it is given.</summary>
    public static WebApplicationBuilder AddStandaloneDefaults(this WebApplicationBuilder builder)
    {
        builder.Configuration[MessagingExtensions.TransportKey] = MessagingExtensions.InMemory;
        var configured = !string.IsNullOrWhiteSpace(builder.Configuration["urls"]) ||
                         builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Logs where the host listens, once the server has started.</summary>
    public static WebApplication LogListeningAddresses(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = string.Join(", ", app.Urls);
            app.Logger.LogInformation("IncidentPlatform standalone is listening on {Addresses}", addresses);
        });
        return app;
    }
}
