namespace IncidentPlatform.Detector.Logs;

/// <summary>How serious a log record says it is (ordered: a larger value is worse).</summary>
internal enum LineLevel : byte
{
    /// <summary>No level found and nothing that looks like an error.</summary>
    Unknown = 0,

    Debug = 1,

    Info = 2,

    Warning = 3,

    /// <summary>An error level, or no level but an exception, a stack trace or a panic.</summary>
    Error = 4,

    /// <summary>FATAL, CRITICAL, PANIC, EMERG.</summary>
    Fatal = 5,
}
