namespace IncidentPlatform.Detector.Files;

/// <summary>A tailer's health: its last successful poll, its last error, the files it reads.</summary>
internal sealed record TailStatus(DateTimeOffset? LastSuccess, DateTimeOffset? LastErrorAt, string? LastError, IReadOnlyList<string> Files)
{
    public static TailStatus Initial { get; } = new(null, null, null, []);

    public bool Failing => LastErrorAt is { } error && (LastSuccess is null || error >= LastSuccess);
}
