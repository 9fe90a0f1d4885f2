using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Store.Serialization;

namespace IncidentPlatform.Store.Tests.Contract;

/// <summary>Incidents, alerts and timeline entries for tests, each with fresh ids.</summary>
public static class TestData
{
    /// <summary>A fixed point in time the test data is placed around.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static Incident Incident(
        string? id = null, DateTimeOffset? updatedAt = null, IncidentStatus status = IncidentStatus.Open,
        Severity severity = Severity.High, string? service = "checkout", string? title = null, string? fingerprint = null)
    {
        var at = updatedAt ?? T0;
        id ??= NewId("inc");
        return new Incident
        {
            Id = id,
            Fingerprint = fingerprint ?? NewId("fp"),
            Title = title ?? "Connection timeouts in " + (service ?? "a service"),
            Service = service,
            Severity = severity,
            Status = status,
            Source = "test",
            CreatedAt = at.AddMinutes(-5),
            UpdatedAt = at,
            ResolvedAt = status == IncidentStatus.Resolved ? at : null,
            ResolvedBy = status == IncidentStatus.Resolved ? "test" : null,
            Labels = new Dictionary<string, string> { ["team"] = "payments" },
            TemplateIds = ["tpl-1", "tpl-2"],
        };
    }

    public static Alert Alert(string? id = null, DateTimeOffset? at = null) => new()
    {
        Id = id ?? NewId("alert"),
        Source = "test",
        Title = "Error rate above 5%",
        Message = "5xx responses: 7.2% over 5 minutes",
        Severity = Severity.Medium,
        Timestamp = at ?? T0,
        Labels = new Dictionary<string, string> { ["region"] = "eu-west-1" },
    };

    public static TimelineEntry Line(string message, DateTimeOffset? at = null) => new()
    {
        At = at ?? T0,
        Kind = "note",
        Message = message,
        Actor = "tester",
        Data = new Dictionary<string, string> { ["n"] = message },
    };

    /// <summary>Asserts two incidents are the same data (records compare their dictionaries by reference).</summary>
    public static void ShouldBeSameIncident(this Incident? actual, Incident expected) =>
        Json(actual.ShouldNotBeNull()).ShouldBe(Json(expected));

    public static string Json(Incident incident) => JsonSerializer.Serialize(incident, StoreJsonContext.Default.Incident);

    public static string Json(Alert alert) => JsonSerializer.Serialize(alert, StoreJsonContext.Default.Alert);

    public static string Json(TimelineEntry entry) => JsonSerializer.Serialize(entry, StoreJsonContext.Default.TimelineEntry);
}
