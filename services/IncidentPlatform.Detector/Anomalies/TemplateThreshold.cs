using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Logs;

namespace IncidentPlatform.Detector.Anomalies;

/// <summary>A <see cref="TemplateThresholdOptions"/> ready to test against a template series.</summary>
internal sealed class TemplateThreshold
{
    private readonly string? _match;
    private readonly Regex? _pattern;
    private readonly LineLevel? _level;
    private readonly string? _service;

    public TemplateThreshold(string name, TemplateThresholdOptions options)
    {
        Name = name;
        Count = options.Count;
        Severity = options.Severity;
        _match = string.IsNullOrWhiteSpace(options.Match) ? null : options.Match;
        _pattern = _match is null ? null : new Regex(_match, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        _level = options.Level;
        _service = string.IsNullOrWhiteSpace(options.Service) ? null : options.Service;
    }

    public string Name { get; }

    public int Count { get; }

    public Severity Severity { get; }

    public bool Matches(TemplateSeries series) =>
        (_level is null || series.Level >= _level) &&
        (_service is null || string.Equals(_service, series.Service, StringComparison.OrdinalIgnoreCase)) &&
        (_match is null || _match == series.TemplateId || _pattern!.IsMatch(series.Template));
}
