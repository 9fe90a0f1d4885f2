namespace IncidentPlatform.Analysis.Context;

/// <summary>
/// One line of untrusted text the analysis may cite: an alert's title or message, an error template, a sample log line.
/// Already redacted and cut to length.
/// </summary>
/// <param name="Id">The citation id, <c>L1</c>, <c>L2</c>…</param>
/// <param name="Kind">What it is (<see cref="LineKinds"/>).</param>
/// <param name="Group">The alert or signal it belongs to, so that the lines of one observation count once.</param>
/// <param name="Text">The text.</param>
/// <param name="At">When it was observed, when known.</param>
internal sealed record ContextLine(string Id, string Kind, string Group, string Text, DateTimeOffset? At);
