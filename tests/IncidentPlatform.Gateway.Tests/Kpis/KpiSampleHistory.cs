using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Kpis;

namespace IncidentPlatform.Gateway.Tests.Kpis;

/// <summary>
/// A month that looks like a real one (for the overview screenshot): about seven incidents a day over six services,
/// the share fixed by verified automatic remediations rising from about a third to three quarters, the rest
/// acknowledged, sometimes approved, and resolved by a person; analyses partly from the cache; a few failed deliveries.
/// Seeded, so every run draws the same month.
/// </summary>
internal static class KpiSampleHistory
{
    private static readonly string[] Services = ["checkout", "orders", "search", "auth", "inventory", "payments"];
    private static readonly Severity[] Severities = [Severity.Critical, Severity.High, Severity.High, Severity.Medium, Severity.Medium, Severity.Medium, Severity.Low, Severity.Low, Severity.Info];

    public static IReadOnlyList<KpiFacts> Month(DateTimeOffset now)
    {
        var random = new Random(17);
        var facts = new List<KpiFacts>();
        var start = now.AddDays(-30);
        for (var i = 0; start.AddHours(i * 3.4) < now.AddMinutes(-20); i++)
        {
            var at = start.AddHours(i * 3.4).AddMinutes(random.Next(0, 90));
            var progress = (at - start) / TimeSpan.FromDays(30);
            var id = $"inc-sample-{i:D4}";
            var incident = KpiHistory.Incident(id, Services[random.Next(Services.Length)], Severities[random.Next(Severities.Length)], at);
            var remediations = new List<Contracts.Remediation>();
            if (random.NextDouble() < 0.3 + 0.45 * progress)
            {
                remediations.Add(KpiHistory.Remediation($"rem-sample-{i:D4}", id, at.AddMinutes(2), RemediationState.Verified));
                incident = at.AddMinutes(4 + random.Next(0, 6)) is var fixedAt && fixedAt < now ? KpiHistory.Resolve(incident, fixedAt, "remediation") : incident;
            }
            else
            {
                var acknowledged = at.AddMinutes(3 + random.Next(0, 15));
                incident = incident with { AcknowledgedAt = acknowledged, AcknowledgedBy = "oncall" };
                if (random.NextDouble() < 0.4)
                {
                    remediations.Add(KpiHistory.Remediation($"rem-sample-{i:D4}", id, at.AddMinutes(2),
                        random.NextDouble() < 0.85 ? RemediationState.Verified : RemediationState.Failed,
                        KpiHistory.Decision(at.AddMinutes(8 + random.Next(0, 25)), approved: true)));
                }

                var resolved = acknowledged.AddMinutes(25 + random.Next(0, 60) * (1.4 - progress));
                incident = resolved < now ? KpiHistory.Resolve(incident, resolved, "oncall") : incident;
            }

            var cached = random.NextDouble() < 0.35;
            facts.Add(new KpiFacts(incident,
                [KpiHistory.Analyzed(at.AddMinutes(1), cached, cached ? 0 : 1400 + random.Next(0, 900), cached ? 0m : 0.008m + random.Next(0, 12) / 1000m)],
                remediations,
                [KpiHistory.Delivery(id, 1, at, DeliveryStatus.Delivered),
                 KpiHistory.Delivery(id, 2, at, random.NextDouble() < 0.03 ? DeliveryStatus.Failed : DeliveryStatus.Delivered)]));
        }

        return facts;
    }
}
