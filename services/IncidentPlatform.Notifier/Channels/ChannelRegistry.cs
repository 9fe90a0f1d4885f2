using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Templates;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier.Channels;

/// <summary>The configured channels by name (built once; the options were validated at start).</summary>
internal sealed class ChannelRegistry
{
    private readonly Dictionary<string, ConfiguredChannel> _channels = new(StringComparer.OrdinalIgnoreCase);

    public ChannelRegistry(IOptions<NotifierOptions> options, ChannelFactory factory)
    {
        foreach (var (name, channel) in options.Value.EffectiveChannels)
        {
            _channels[name] = new ConfiguredChannel(
                factory.Create(name, channel), Parse(channel.Template.Title), Parse(channel.Template.Text));
        }
    }

    public IReadOnlyCollection<ConfiguredChannel> All => _channels.Values;

    public ConfiguredChannel? Find(string name) => _channels.GetValueOrDefault(name);

    private static MessageTemplate? Parse(string? source) =>
        string.IsNullOrWhiteSpace(source) ? null : MessageTemplate.TryParse(source, out _);
}
