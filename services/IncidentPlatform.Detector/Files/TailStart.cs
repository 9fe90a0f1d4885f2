namespace IncidentPlatform.Detector.Files;

/// <summary>Where a tailer starts in a file it finds at its very first scan (no stored offsets yet).</summary>
internal enum TailStart
{
    /// <summary>At the end: only lines written from now on (the default; an old log is history, not news).</summary>
    End = 0,

    /// <summary>At the beginning.</summary>
    Beginning = 1,
}
