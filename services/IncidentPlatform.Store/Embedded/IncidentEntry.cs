using System.Collections.Immutable;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Store.Embedded;

/// <summary>An incident with what it owns, immutable: a change replaces the entry.</summary>
/// <param name="Incident">The incident document.</param>
/// <param name="Alerts">The kept alerts, newest recorded first, bounded.</param>
/// <param name="AlertIds">Every alert id ever recorded for it, kept ones or not (de-duplication).</param>
/// <param name="Timeline">The timeline, oldest first.</param>
internal sealed record IncidentEntry(
    Incident Incident, ImmutableList<Alert> Alerts, ImmutableHashSet<string> AlertIds, ImmutableList<TimelineEntry> Timeline);
