namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>One template in a <see cref="TemplateSnapshot"/>.</summary>
/// <param name="Id">The stable template id.</param>
/// <param name="Tokens">The template tokens (<c>&lt;*&gt;</c> where lines differed).</param>
/// <param name="Route">The tree keys the cluster hangs under.</param>
/// <param name="Size">How many lines it has taken.</param>
internal sealed record ClusterSnapshot(string Id, IReadOnlyList<string> Tokens, IReadOnlyList<string> Route, long Size);
