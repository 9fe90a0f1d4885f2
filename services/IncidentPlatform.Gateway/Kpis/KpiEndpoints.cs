using IncidentPlatform.Gateway.Auth;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Kpis;

/// <summary><c>GET /api/kpis?from=&amp;to=&amp;service=</c> (scope read): the KPIs of a window as JSON; <c>GET /api/kpis/report</c>:
/// the operations report as Markdown (<see cref="KpiPeriods"/>).</summary>
internal static class KpiEndpoints
{
    public static IServiceCollection AddKpis(this IServiceCollection services)
    {
        services.AddOptions<KpiOptions>().BindConfiguration(KpiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KpiService>();
        services.AddSingleton<KpiMetrics>();
        services.AddHostedService<KpiMetricsRefresher>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, KpiJsonContext.Default));
        return services;
    }

    public static IEndpointRouteBuilder MapKpiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/kpis", async Task<IResult> (string? from, string? to, string? service,
            KpiService kpis, IOptions<KpiOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var window = KpiWindow.Parse(from, to, time.GetUtcNow(), options.Value.MaxWindow);
            if (window.Errors.Count > 0)
            {
                return Problems.Validation(window.Errors);
            }

            var report = await kpis.ComputeAsync(window.From, window.To, string.IsNullOrWhiteSpace(service) ? null : service.Trim(), ct);
            return TypedResults.Json(report, KpiJsonContext.Default.KpiReport);
        }).RequireScope(Scopes.Read).WithName("GetKpis").WithSummary("Incident and automation KPIs of a time window.");

        app.MapGet("/api/kpis/report", async Task<IResult> (string? period, string? from, string? to, string? compareFrom, string? compareTo,
            string? service, KpiService kpis, IOptions<KpiOptions> options, TimeProvider time, CancellationToken ct) =>
        {
            var (windows, errors) = KpiPeriods.Parse(period, from, to, compareFrom, compareTo, time.GetUtcNow(), options.Value.MaxWindow);
            if (windows is null)
            {
                return Problems.Validation(errors);
            }

            var markdown = await kpis.MarkdownAsync(windows, string.IsNullOrWhiteSpace(service) ? null : service.Trim(), ct);
            return TypedResults.Text(markdown, "text/markdown; charset=utf-8");
        }).RequireScope(Scopes.Read).WithName("GetKpiReport")
            .WithSummary("The operations report as Markdown: a period's KPIs against the period before (or an explicit one).");
        return app;
    }
}
