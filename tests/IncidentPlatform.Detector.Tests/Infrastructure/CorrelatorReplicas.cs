using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Detector.Silences;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentPlatform.Detector.Tests.Infrastructure;

/// <summary>
/// A correlator outside the detector's container, for the tests and the store benchmark (which compiles this file in
/// too): its parts built over the store interfaces that a provider resolves, as another replica of the detector would
/// have them.
/// </summary>
internal static class CorrelatorReplicas
{
    public static IncidentCorrelator Create(IServiceProvider stores, TimeProvider time, CorrelationOptions? options = null)
    {
        var settings = Microsoft.Extensions.Options.Options.Create(options ?? new CorrelationOptions());
        var incidents = stores.GetRequiredService<IIncidentStore>();
        var documents = stores.GetRequiredService<IDocumentStore>();
        var cache = stores.GetRequiredService<ICacheStore>();
        return new IncidentCorrelator(
            incidents, new RouteStore(documents), new SilenceCache(documents, settings, time, NullLogger<SilenceCache>.Instance),
            new AlertProgress(cache), new CorrelationTimeline(incidents, cache, settings, time), settings, time,
            NullLogger<IncidentCorrelator>.Instance);
    }
}
