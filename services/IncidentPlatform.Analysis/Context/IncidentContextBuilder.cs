using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Contracts;
using IncidentPlatform.ServiceDefaults.Security;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Context;

/// <summary>
/// Gathers what an analysis sees about an incident from the store — its alerts, signals and sample lines, labels,
/// recent similar incidents and how they ended — with every piece of text redacted and bounded (cut after redaction,
/// see <see cref="SecretRedactor.Redact(string, int)"/>).
/// </summary>
internal sealed class IncidentContextBuilder(
    IIncidentStore store, SecretRedactor redactor, IOptions<AnalysisOptions> options)
{
    private static readonly HashSet<string> ResolutionKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "resolved", "remediation", "note", "acknowledged",
    };

    public async Task<IncidentContext> BuildAsync(Incident incident, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var redactions = 0;
        string Clean(string? text, int maxLength)
        {
            var (redacted, count) = redactor.Redact(text ?? "", maxLength);
            redactions += count;
            return redacted;
        }

        var alerts = (await store.GetAlertsAsync(incident.Id, o.MaxAlerts, cancellationToken)).Reverse().ToList();
        var lines = new List<ContextLine>();
        void Add(string kind, string group, string? text, DateTimeOffset? at)
        {
            var clean = Clean(text, o.MaxLineLength);
            if (clean.Length > 0)
            {
                lines.Add(new ContextLine($"L{lines.Count + 1}", kind, group, clean, at));
            }
        }

        foreach (var alert in alerts)
        {
            var group = "alert:" + alert.Id;
            Add(LineKinds.AlertTitle, group, alert.Title, alert.Timestamp);
            if (!string.Equals(alert.Message.Trim(), alert.Title.Trim(), StringComparison.Ordinal))
            {
                Add(LineKinds.AlertMessage, group, alert.Message, alert.Timestamp);
            }
        }

        var signals = new List<SignalSummary>();
        var evidence = incident.Evidence;
        var samplesPerSignal = evidence.Count == 0 ? 0 : Math.Max(1, o.MaxSampleLines / evidence.Count);
        for (var i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            var group = $"signal:{i + 1}";
            var before = lines.Count;
            Add(LineKinds.Template, group, e.Template, e.WindowEnd);
            var templateLine = lines.Count > before ? lines[^1].Id : null;
            var samples = new List<string>();
            foreach (var sample in e.SampleLines.Take(samplesPerSignal))
            {
                before = lines.Count;
                Add(LineKinds.Sample, group, sample, e.WindowEnd);
                if (lines.Count > before)
                {
                    samples.Add(lines[^1].Id);
                }
            }

            signals.Add(new SignalSummary(group, e.Kind, e.TemplateId, templateLine, samples, e.Count, e.Baseline,
                e.Threshold, e.WindowStart, e.WindowEnd));
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in alerts.SelectMany(a => a.Labels).Concat(incident.Labels))
        {
            var (redacted, count) = redactor.Redact(key, value ?? "", 200);
            redactions += count;
            labels[key] = redacted;
        }

        var similar = await SimilarAsync(incident, Clean, cancellationToken);
        return new IncidentContext(incident, Clean(incident.Title, o.MaxLineLength), labels, lines, signals, similar,
            Templates(incident, alerts), redactions);
    }

    /// <summary>What identifies the failure: the detector's template ids (or normalized templates) and normalized alert titles.</summary>
    private static IReadOnlyList<string> Templates(Incident incident, IReadOnlyList<Alert> alerts)
    {
        var templates = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var id in incident.TemplateIds)
        {
            templates.Add("t:" + id);
        }

        foreach (var e in incident.Evidence.Where(e => e.TemplateId is null && !string.IsNullOrWhiteSpace(e.Template)))
        {
            templates.Add("n:" + TextNormalizer.Normalize(e.Template));
        }

        foreach (var alert in alerts)
        {
            templates.Add("a:" + TextNormalizer.Normalize(alert.Title));
        }

        if (templates.Count == 0)
        {
            templates.Add("a:" + TextNormalizer.Normalize(incident.Title));
        }

        return [.. templates];
    }

    private async Task<IReadOnlyList<SimilarIncident>> SimilarAsync(
        Incident incident, Func<string?, int, string> clean, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxSimilarIncidents;
        if (max == 0)
        {
            return [];
        }

        var since = incident.CreatedAt.AddDays(-30);
        var candidates = new Dictionary<string, Incident>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(incident.Service))
        {
            var page = await store.ListAsync(new IncidentQuery { Service = incident.Service, Since = since, PageSize = 50 }, cancellationToken);
            foreach (var item in page.Items)
            {
                candidates[item.Id] = item;
            }
        }

        if (incident.TemplateIds.Count > 0)
        {
            var page = await store.ListAsync(new IncidentQuery { Since = since, PageSize = 200 }, cancellationToken);
            foreach (var item in page.Items.Where(i => i.TemplateIds.Intersect(incident.TemplateIds).Any()))
            {
                candidates[item.Id] = item;
            }
        }

        candidates.Remove(incident.Id);
        var ranked = candidates.Values
            .Select(i => (Incident: i, Shared: i.TemplateIds.Intersect(incident.TemplateIds).Count()))
            .OrderByDescending(x => x.Shared)
            .ThenByDescending(x => x.Incident.Status == IncidentStatus.Resolved)
            .ThenByDescending(x => x.Incident.UpdatedAt)
            .Take(max)
            .ToList();

        var result = new List<SimilarIncident>(ranked.Count);
        foreach (var (other, shared) in ranked)
        {
            var timeline = await store.GetTimelineAsync(other.Id, 0, 200, cancellationToken);
            var resolution = timeline.Where(t => ResolutionKinds.Contains(t.Kind)).TakeLast(5)
                .Select(t => clean($"{t.Kind}: {t.Message}" + (t.Actor is null ? "" : $" (by {t.Actor})"), 300))
                .ToList();
            var analysis = other.Analysis;
            result.Add(new SimilarIncident(other.Id, clean(other.Title, 300), other.Status, other.CreatedAt,
                clean(other.ResolvedBy, 100), analysis?.Category, clean(analysis?.Hypotheses.FirstOrDefault()?.Summary, 300),
                analysis?.RecommendedActions.Select(a => a.ActionId).ToList() ?? [], resolution, shared));
        }

        return result;
    }
}
