using BenchmarkDotNet.Attributes;
using IncidentPlatform.Templating;

namespace IncidentPlatform.Bench.Micro;

/// <summary>The template engine: parsing a notification template, and rendering it (baseline: string.Concat of the same parts).</summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private const string Source = "{{event.summary}}: {{incident.title}} on {{incident.service}} ({{incident.severity}}) in {{incident.labels.region}}";
    private static readonly TemplateVocabulary Vocabulary = new(_ => true, "any");
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        ["event.summary"] = "Incident opened", ["incident.title"] = "Checkout 5xx above 5%", ["incident.service"] = "checkout",
        ["incident.severity"] = "High", ["incident.labels.region"] = "eu-west-1",
    };

    private readonly PlaceholderTemplate _template = PlaceholderTemplate.Parse(Source, Vocabulary);

    [Benchmark]
    public PlaceholderTemplate Parse() => PlaceholderTemplate.Parse(Source, Vocabulary);

    [Benchmark]
    public string Render() => _template.Render(path => Values.GetValueOrDefault(path));

    [Benchmark(Baseline = true)]
    public string Concat() => string.Concat(Values["event.summary"], ": ", Values["incident.title"], " on ", Values["incident.service"]) +
                              string.Concat(" (", Values["incident.severity"], ") in ", Values["incident.labels.region"]);
}
