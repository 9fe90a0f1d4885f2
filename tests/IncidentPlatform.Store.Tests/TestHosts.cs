using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IncidentPlatform.Store.Tests;

/// <summary>Host builders with nothing but the given settings (no appsettings, no environment variables).</summary>
internal static class TestHosts
{
    public static HostApplicationBuilder Builder(string contentRoot, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }
}
