namespace IncidentPlatform.Analysis.Prompting;

/// <summary>A built prompt: the system instructions and the user message holding the delimited data block.</summary>
/// <param name="System">The instructions (trusted, ours).</param>
/// <param name="User">The request with the incident data inside the data block.</param>
internal sealed record Prompt(string System, string User)
{
    /// <summary>A rough count of its input tokens.</summary>
    public long EstimatedTokens => EstimateTokens(System.Length + User.Length);

    /// <summary>Tokens for that much text: about four characters a token, counted generously as three.</summary>
    public static long EstimateTokens(long characters) => characters / 3 + 16;
}
