namespace IncidentPlatform.Detector.Files;

/// <summary>A tailer's stored positions (one checkpoint per file source).</summary>
internal sealed record TailCheckpoint(int Format, IReadOnlyList<TailPosition> Files)
{
    public const int CurrentFormat = 1;
}
