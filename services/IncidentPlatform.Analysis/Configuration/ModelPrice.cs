namespace IncidentPlatform.Analysis.Configuration;

/// <summary>A model's price in US dollars per million tokens.</summary>
internal sealed class ModelPrice
{
    /// <summary>Per million input tokens.</summary>
    public decimal InputPerMillion { get; set; }

    /// <summary>Per million output tokens.</summary>
    public decimal OutputPerMillion { get; set; }
}
