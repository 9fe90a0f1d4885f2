namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>What <see cref="TemplateMiner.Add"/> did with the template a line belongs to.</summary>
internal enum TemplateChange
{
    /// <summary>The line fits the template as it was.</summary>
    None,

    /// <summary>The line started a new template.</summary>
    Created,

    /// <summary>The line joined the template and widened it (more wildcards); the id is unchanged.</summary>
    Generalized,
}
