using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Tests.Offline;

/// <summary>Incident contexts built by hand: each observation (alert or signal) is a group of lines.</summary>
internal static class Contexts
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A context whose observations are the given texts (one line each), at the given minutes before now.</summary>
    public static IncidentContext Of(
        IEnumerable<(string Text, double At)> observations, IReadOnlyDictionary<string, string>? labels = null,
        Severity severity = Severity.High, IReadOnlyList<SimilarIncident>? similar = null)
    {
        var lines = observations.Select((o, i) => new ContextLine($"L{i + 1}", LineKinds.AlertTitle, $"alert:{i + 1}", o.Text, Now.AddMinutes(o.At))).ToList();
        var incident = new Incident
        {
            Id = "inc-test", Fingerprint = "fp", Title = lines.FirstOrDefault()?.Text ?? "incident", Service = "svc", Severity = severity,
            Status = IncidentStatus.Open, Source = "generic", CreatedAt = Now.AddMinutes(-30), UpdatedAt = Now,
            AlertCount = lines.Count, FirstAlertAt = Now.AddMinutes(-30), LastAlertAt = Now,
        };
        return new IncidentContext(incident, incident.Title, labels ?? new Dictionary<string, string>(), lines, [], similar ?? [], ["t"], 0);
    }

    public static IncidentContext Of(params string[] texts) => Of(texts.Select(t => (t, -5.0)));
}
