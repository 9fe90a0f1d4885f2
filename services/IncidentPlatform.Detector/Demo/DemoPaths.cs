using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Demo;

/// <summary>Where the demo writes its log: <c>Detector:Demo:Path</c>, or <c>demo/services.log</c> in the data directory.</summary>
internal sealed class DemoPaths(IOptions<DetectorOptions> options, IOptions<StoreOptions> store, IHostEnvironment environment)
{
    public string LogFile => Path.GetFullPath(
        options.Value.Demo.Path ?? Path.Combine(store.Value.DataDirectory, "demo", "services.log"),
        environment.ContentRootPath);
}
