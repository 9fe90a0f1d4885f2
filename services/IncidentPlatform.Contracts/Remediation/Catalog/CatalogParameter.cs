namespace IncidentPlatform.Contracts;

/// <summary>One parameter of a catalog action, as policies, the analysis and MCP clients name and describe it.</summary>
/// <param name="Name">The parameter name (<see cref="CatalogParameters"/>).</param>
/// <param name="Type">The kind of value.</param>
/// <param name="Required">True when the action cannot run without it.</param>
/// <param name="Description">What the value is, in a phrase.</param>
public sealed record CatalogParameter(string Name, CatalogParameterType Type, bool Required, string Description);
