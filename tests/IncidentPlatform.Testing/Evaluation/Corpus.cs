using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Testing.Evaluation;

/// <summary>The evaluation corpus: labelled scenarios stored as JSON files, and how to turn one into a stored incident.</summary>
public static class Corpus
{
    /// <summary>Where the corpus lives in the repository.</summary>
    public static readonly string RelativeDirectory = Path.Combine("tests", "IncidentPlatform.Analysis.Tests", "Corpus");

    /// <summary>The corpus directory found from <paramref name="start"/> or its parents (the repository or a test
    /// output directory holding a <c>Corpus</c> folder), or null.</summary>
    public static string? FindDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, RelativeDirectory), Path.Combine(dir.FullName, "Corpus") })
            {
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.json").Any())
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The folder, inside the corpus, of the held-out scenarios: measured at the end, never tuned on.</summary>
    public const string HeldOutFolder = "HeldOut";

    /// <summary>The development scenarios of the directory (not its held-out folder), in file-name order.</summary>
    public static IReadOnlyList<CorpusScenario> Load(string directory) => LoadFolder(directory, heldOut: false);

    /// <summary>The held-out scenarios (<see cref="HeldOutFolder"/>), marked <see cref="CorpusScenario.HeldOut"/>.</summary>
    public static IReadOnlyList<CorpusScenario> LoadHeldOut(string directory) =>
        LoadFolder(Path.Combine(directory, HeldOutFolder), heldOut: true);

    private static IReadOnlyList<CorpusScenario> LoadFolder(string directory, bool heldOut) =>
        [.. Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(file =>
        {
            var scenario = JsonSerializer.Deserialize(File.ReadAllText(file), CorpusJsonContext.Default.CorpusScenario)
                ?? throw new InvalidDataException($"{file} holds no scenario.");
            scenario.HeldOut = heldOut;
            return scenario;
        })];

    /// <summary>Stores the scenario as an incident with its alerts (ids from <paramref name="incidentId"/>), analyzed at <paramref name="now"/>.</summary>
    public static async Task<Incident> SeedAsync(IIncidentStore store, CorpusScenario scenario, string incidentId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var alerts = scenario.Alerts.Select((a, i) => new Alert
        {
            Id = $"{incidentId}-alert-{i + 1}",
            Source = a.Source,
            Title = a.Title,
            Message = a.Message ?? a.Title,
            Severity = a.Severity,
            Timestamp = now.AddMinutes(a.At),
            ReceivedAt = now.AddMinutes(a.At),
            Service = scenario.Service,
            Labels = a.Labels,
        }).ToList();
        var evidence = scenario.Signals.Select(s => new SignalEvidence
        {
            Kind = s.Kind,
            Template = s.Template,
            Count = s.Count,
            Baseline = s.Baseline,
            WindowStart = now.AddMinutes(s.At - s.WindowMinutes),
            WindowEnd = now.AddMinutes(s.At),
            SampleLines = s.Samples,
        }).ToList();
        var times = alerts.Select(a => a.Timestamp).Concat(evidence.Select(e => e.WindowStart)).DefaultIfEmpty(now).ToList();
        var incident = new Incident
        {
            Id = incidentId,
            Fingerprint = "corpus:" + incidentId,
            Title = scenario.Alerts.FirstOrDefault()?.Title ?? scenario.Signals.FirstOrDefault()?.Template ?? scenario.Id,
            Service = scenario.Service,
            Severity = scenario.Severity,
            Status = IncidentStatus.Open,
            Source = scenario.Alerts.FirstOrDefault()?.Source ?? "logs",
            Labels = scenario.Labels,
            CreatedAt = times.Min(),
            UpdatedAt = now,
            AlertCount = alerts.Count,
            FirstAlertAt = times.Min(),
            LastAlertAt = times.Max(),
            Evidence = evidence,
        };
        var stored = (await store.FindOrOpenAsync(incident.Fingerprint, incident, cancellationToken)).Incident;
        foreach (var alert in alerts)
        {
            await store.AddAlertAsync(incidentId, alert, cancellationToken);
        }

        return stored;
    }
}
