using IncidentPlatform.Notifier.Events;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier.Configuration;

/// <summary>
/// Checks every channel and route at start; each failure names the configuration key and says what is expected, so a
/// misconfigured notifier stops before it loses a notification.
/// </summary>
internal sealed class NotifierOptionsValidator : IValidateOptions<NotifierOptions>
{
    public ValidateOptionsResult Validate(string? name, NotifierOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            ChannelValidator.Validate($"{NotifierOptions.Section}:Channels:{channel}", settings, errors);
        }

        if (options.SendingClaim < TimeSpan.FromSeconds(1))
        {
            errors.Add($"'{NotifierOptions.Section}:SendingClaim' is {options.SendingClaim}: at least 00:00:01 (it is renewed every third of it).");
        }

        for (var i = 0; i < options.Routes.Count; i++)
        {
            ValidateRoute($"{NotifierOptions.Section}:Routes:{i}", options.Routes[i], options, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateRoute(string key, RouteOptions route, NotifierOptions options, List<string> errors)
    {
        if (route.Channels.Count == 0)
        {
            errors.Add($"'{key}:Channels' is empty: name at least one channel of '{NotifierOptions.Section}:Channels'.");
        }

        foreach (var channel in route.Channels.Where(c => !options.EffectiveChannels.ContainsKey(c)))
        {
            errors.Add($"'{key}:Channels' names '{channel}', which is not configured under '{NotifierOptions.Section}:Channels' " +
                       $"(configured: {string.Join(", ", options.EffectiveChannels.Keys)}).");
        }

        foreach (var type in route.Events.Where(t => !EventTypes.Routable.Contains(t, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"'{key}:Events' names '{type}'; known events: {string.Join(", ", EventTypes.Routable)}.");
        }

        ChannelValidator.ValidateQuietHours($"{key}:QuietHours", route.QuietHours, errors);
    }
}
