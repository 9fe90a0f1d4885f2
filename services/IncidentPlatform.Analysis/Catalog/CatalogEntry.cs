namespace IncidentPlatform.Analysis.Catalog;

/// <summary>One catalog action as the analysis describes it.</summary>
/// <param name="Id">The catalog id.</param>
/// <param name="Purpose">What it does, in a phrase.</param>
/// <param name="Parameters">Its parameter names.</param>
internal sealed record CatalogEntry(string Id, string Purpose, IReadOnlyList<string> Parameters);
