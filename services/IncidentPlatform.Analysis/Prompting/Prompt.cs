namespace IncidentPlatform.Analysis.Prompting;

/// <summary>A built prompt: the system instructions and the user message holding the delimited data block.</summary>
/// <param name="System">The instructions (trusted, ours).</param>
/// <param name="User">The request with the incident data inside the data block.</param>
internal sealed record Prompt(string System, string User)
{
    /// <summary>A rough count of its input tokens (about four characters a token, rounded up generously).</summary>
    public long EstimatedTokens => (System.Length + User.Length) / 3 + 16;
}
