namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>The template of one line: its stable id, its current text, and what adding the line changed.</summary>
internal readonly record struct TemplateMatch(string TemplateId, string Template, TemplateChange Change)
{
    public bool IsNew => Change == TemplateChange.Created;
}
