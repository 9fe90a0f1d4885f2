using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Context;

/// <summary>
/// Everything an analysis sees about one incident, redacted: its alert and log lines with citation ids, its signals,
/// its labels and recent similar incidents.
/// </summary>
/// <param name="Incident">The incident as stored (its own text fields are not redacted; use <see cref="Title"/>).</param>
/// <param name="Title">The incident's title, redacted.</param>
/// <param name="Labels">The incident's labels with those of its alerts (the incident's win), redacted.</param>
/// <param name="Lines">The citable lines, oldest observation first.</param>
/// <param name="Signals">The detector signals.</param>
/// <param name="Similar">Recent similar incidents, most similar first.</param>
/// <param name="Templates">The normalized error templates and alert titles that identify the failure (for the cache key).</param>
/// <param name="Redactions">How many secrets were redacted.</param>
internal sealed record IncidentContext(
    Incident Incident,
    string Title,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<ContextLine> Lines,
    IReadOnlyList<SignalSummary> Signals,
    IReadOnlyList<SimilarIncident> Similar,
    IReadOnlyList<string> Templates,
    int Redactions)
{
    /// <summary>The line with that id, or null.</summary>
    public ContextLine? Line(string id) => Lines.FirstOrDefault(l => l.Id == id);
}
