namespace IncidentPlatform.Templating;

/// <summary>The paths a kind of template may name (checked when a template is parsed), and how errors list them.</summary>
/// <param name="IsKnown">True for a path a template of this kind may use.</param>
/// <param name="Description">The known paths, for error messages (<c>incident.id|title, labels.&lt;name&gt;</c>…).</param>
public sealed record TemplateVocabulary(Func<string, bool> IsKnown, string Description);
