using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Caching;

/// <summary>A cache entry: the analysis, the incident it was made for, and that incident's labels (to re-bind the
/// recommended actions' parameters to the incident that reuses it).</summary>
/// <param name="Analysis">The analysis as made.</param>
/// <param name="IncidentId">The incident it was made for.</param>
/// <param name="Labels">That incident's labels.</param>
internal sealed record CachedAnalysis(IncidentAnalysis Analysis, string IncidentId, IReadOnlyDictionary<string, string> Labels);
