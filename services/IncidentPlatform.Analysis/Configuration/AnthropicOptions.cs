namespace IncidentPlatform.Analysis.Configuration;

/// <summary>Claude through the Anthropic API (section <c>Analysis:Anthropic</c>).</summary>
internal sealed class AnthropicOptions
{
    /// <summary>The API key.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model id, e.g. <c>claude-sonnet-4-5</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Overrides <c>https://api.anthropic.com</c> (a gateway, tests).</summary>
    public string? BaseUrl { get; set; }
}
