namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>What a whole line contains, found once per line, so per-word recognisers that need it can be skipped.</summary>
[Flags]
internal enum LineHints : byte
{
    None = 0,

    /// <summary>An '@' (e-mail addresses).</summary>
    At = 1,

    /// <summary>"://" (URLs).</summary>
    Scheme = 2,

    /// <summary>A ':' (named dates, which carry a time).</summary>
    Colon = 4,

    /// <summary>A '.' (dotted names).</summary>
    Dot = 8,
}
