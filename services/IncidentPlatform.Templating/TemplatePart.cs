namespace IncidentPlatform.Templating;

/// <summary>A piece of a <see cref="PlaceholderTemplate"/>: literal text, or the path of a value to place.</summary>
/// <param name="Text">The literal text, or the path.</param>
/// <param name="IsPath">True for a placeholder's path.</param>
public readonly record struct TemplatePart(string Text, bool IsPath);
