using IncidentPlatform.Detector.Demo;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Files;

/// <summary>The tailers of this process: one per <c>Detector:Files</c> source, plus the demo source when it is on.</summary>
internal sealed class FileTailers : IDisposable
{
    public FileTailers(
        IOptions<DetectorOptions> options, DemoPaths demo, IHostEnvironment environment, ICheckpointStore checkpoints,
        TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<FileTailer>();
        var sources = options.Value.Files.Select(f => (f.Key, f.Value)).ToList();
        if (options.Value.Demo.Enabled)
        {
            sources.Add((DemoSource.Name, DemoSource.Options(demo.LogFile, options.Value.Demo)));
        }

        All = [.. sources.Select(s => new FileTailer(s.Item1, s.Item2, environment.ContentRootPath, checkpoints, time, logger))];
    }

    public IReadOnlyList<FileTailer> All { get; }

    public void Dispose()
    {
        foreach (var tailer in All)
        {
            tailer.Dispose();
        }
    }
}
