using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Context;

/// <summary>A recent incident like this one (same service or a shared template) and what became of it. Text redacted.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Status">Its status.</param>
/// <param name="CreatedAt">When it was opened.</param>
/// <param name="ResolvedBy">Who or what resolved it.</param>
/// <param name="Category">The category of its analysis.</param>
/// <param name="RootCause">Its analysis's top hypothesis.</param>
/// <param name="Actions">The catalog actions its analysis recommended.</param>
/// <param name="Resolution">Timeline lines about how it was handled (resolution, remediations, notes).</param>
/// <param name="SharedTemplates">How many error templates it shares with this incident.</param>
internal sealed record SimilarIncident(
    string Id, string Title, IncidentStatus Status, DateTimeOffset CreatedAt, string? ResolvedBy, string? Category,
    string? RootCause, IReadOnlyList<string> Actions, IReadOnlyList<string> Resolution, int SharedTemplates);
