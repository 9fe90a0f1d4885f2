using IncidentPlatform.Notifier.Channels;
using IncidentPlatform.Notifier.Configuration;

namespace IncidentPlatform.Notifier.Routing;

/// <summary>A channel an event goes to, with the quiet hours of the rules that sent it there.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="QuietHours">Quiet-hours windows that apply (the channel's own and the matching rules').</param>
internal sealed record RouteTarget(ConfiguredChannel Channel, IReadOnlyList<QuietHoursOptions> QuietHours);
