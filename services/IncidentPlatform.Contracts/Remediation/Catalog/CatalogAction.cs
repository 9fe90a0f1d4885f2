namespace IncidentPlatform.Contracts;

/// <summary>One action of the remediation catalog: its id, what it does, and its parameters.</summary>
/// <param name="Id">The catalog id (<see cref="CatalogActions"/>).</param>
/// <param name="Purpose">What it does and when it helps, in a phrase.</param>
/// <param name="Parameters">Its parameters, required ones first.</param>
public sealed record CatalogAction(string Id, string Purpose, IReadOnlyList<CatalogParameter> Parameters);
