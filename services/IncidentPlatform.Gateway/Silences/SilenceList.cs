namespace IncidentPlatform.Gateway.Silences;

/// <summary>The answer of <c>GET /api/silences</c>: newest start first.</summary>
internal sealed record SilenceList(IReadOnlyList<SilenceView> Items);
