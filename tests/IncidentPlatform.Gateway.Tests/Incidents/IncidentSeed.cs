using IncidentPlatform.Contracts;
using IncidentPlatform.Store;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Gateway.Tests.Incidents;

/// <summary>Puts incidents straight into the host's store (listing tests don't need the whole alert path).</summary>
internal static class IncidentSeed
{
    public static async Task<Incident> OpenAsync(IServiceProvider services, string service, Severity severity,
        DateTimeOffset updatedAt, string title = "Errors rising")
    {
        var store = services.GetRequiredService<IIncidentStore>();
        var id = $"inc-{Guid.NewGuid():N}";
        var incident = new Incident
        {
            Id = id, Fingerprint = id, Title = title, Service = service, Severity = severity,
            Status = IncidentStatus.Open, Source = "test", CreatedAt = updatedAt, UpdatedAt = updatedAt,
            AlertCount = 1, FirstAlertAt = updatedAt, LastAlertAt = updatedAt,
        };
        return (await store.FindOrOpenAsync(id, incident)).Incident;
    }
}
