namespace IncidentPlatform.Notifier.Tests;

/// <summary>Configuration for channels and routes, as the keys an operator sets.</summary>
internal static class ChannelConfig
{
    /// <summary>A channel <paramref name="name"/> of <paramref name="type"/> with settings (<c>Url</c>, <c>Secret</c>…).</summary>
    public static Dictionary<string, string?> Channel(string name, string type, params (string Key, string? Value)[] settings)
    {
        var config = new Dictionary<string, string?> { [$"Notifier:Channels:{name}:Type"] = type };
        foreach (var (key, value) in settings)
        {
            config[$"Notifier:Channels:{name}:{key}"] = value;
        }

        return config;
    }

    /// <summary>A generic webhook to the fake, signed with "s3cret", no throttling unless asked.</summary>
    public static Dictionary<string, string?> Webhook(string name, Uri url, params (string Key, string? Value)[] settings) =>
        Channel(name, "webhook", [("Url", new Uri(url, "hook").ToString()), ("Secret", "s3cret"), ("CoalesceWindow", "00:00:00"),
            ("RetryDelay", "00:00:00.010"), .. settings]);

    public static Dictionary<string, string?> Merge(params Dictionary<string, string?>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);
}
