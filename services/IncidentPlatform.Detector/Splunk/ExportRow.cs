namespace IncidentPlatform.Detector.Splunk;

/// <summary>One result of the export stream: its fields (multi-value fields joined), and whether it is a preview.</summary>
internal sealed record ExportRow(bool Preview, IReadOnlyDictionary<string, string> Fields);
