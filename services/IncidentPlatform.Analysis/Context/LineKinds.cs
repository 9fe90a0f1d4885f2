namespace IncidentPlatform.Analysis.Context;

/// <summary>The kinds of <see cref="ContextLine"/>.</summary>
internal static class LineKinds
{
    public const string AlertTitle = "alert-title";
    public const string AlertMessage = "alert-message";
    public const string Template = "template";
    public const string Sample = "sample";
}
