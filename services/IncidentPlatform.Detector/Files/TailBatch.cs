using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Files;

/// <summary>The records one poll of a tailer completed, and whether more bytes are waiting (read again at once).</summary>
internal sealed record TailBatch(IReadOnlyList<LogRecord> Records, bool More);
