namespace IncidentPlatform.Analysis.Offline.Reading;

/// <summary>What a <see cref="Word"/> is.</summary>
internal enum WordKind
{
    Letters,
    Number,
    Path,
    Sign,
}
