using IncidentPlatform.Detector.Files;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using IncidentPlatform.Detector.Tests.Infrastructure;

namespace IncidentPlatform.Detector.Tests.Files;

/// <summary>A temporary log directory, a real store for the offsets, a manual clock, and tailers over them.</summary>
internal sealed class TailFixture : IAsyncDisposable
{
    private readonly List<FileTailer> _tailers = [];

    private TailFixture(TestStore store, string directory)
    {
        Store = store;
        Directory = directory;
    }

    public FakeClock Clock { get; } = new(CorrelationFixture.T0);

    public TestStore Store { get; }

    public string Directory { get; }

    public ICheckpointStore Checkpoints => Store.Services.GetRequiredService<ICheckpointStore>();

    public static async Task<TailFixture> CreateAsync() =>
        new(await TestStore.EmbeddedAsync(), System.IO.Directory.CreateTempSubdirectory("ip-tail-").FullName);

    public string PathOf(string name) => System.IO.Path.Combine(Directory, name);

    public FileTailer Tailer(string glob = "*.log", Action<FileSourceOptions>? configure = null, string name = "app")
    {
        var options = new FileSourceOptions { Path = glob, Service = "app", StartAt = TailStart.Beginning };
        configure?.Invoke(options);
        var tailer = new FileTailer(name, options, Directory, Checkpoints, Clock, NullLogger.Instance);
        _tailers.Add(tailer);
        return tailer;
    }

    /// <summary>Polls, commits, and returns the completed records' texts.</summary>
    public async Task<List<string>> PollAsync(FileTailer tailer)
    {
        var texts = new List<string>();
        TailBatch batch;
        do
        {
            batch = await tailer.PollAsync(CancellationToken.None);
            texts.AddRange(batch.Records.Select(r => r.Text));
            await tailer.CommitAsync(CancellationToken.None);
        }
        while (batch.More);

        return texts;
    }

    /// <summary>Polls, then lets the flush delay pass and polls again: every record with a newline is complete.</summary>
    public async Task<List<string>> DrainAsync(FileTailer tailer)
    {
        var texts = await PollAsync(tailer);
        Clock.Advance(tailer.Options.FlushAfter);
        texts.AddRange(await PollAsync(tailer));
        return texts;
    }

    public void Append(string name, string text) => File.AppendAllText(PathOf(name), text);

    public async ValueTask DisposeAsync()
    {
        foreach (var tailer in _tailers)
        {
            tailer.Dispose();
        }

        await Store.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
