using Microsoft.Extensions.Options;

namespace IncidentPlatform.Notifier.Tests.Configuration;

public sealed class ConfigurationTests
{
    public static TheoryData<string, string, string?, string> InvalidSettings => new()
    {
        { "webhook", "Url", null, "'Notifier:Channels:bad:Url' is missing" },
        { "webhook", "Url", "ftp://x", "'Notifier:Channels:bad:Url' is 'ftp://x'; expected an absolute http(s) URL" },
        { "slack-bot", "Token", null, "'Notifier:Channels:bad:Token' is missing" },
        { "pagerduty", "RoutingKey", null, "'Notifier:Channels:bad:RoutingKey' is missing" },
        { "jira", "Project", null, "'Notifier:Channels:bad:Project' is missing" },
        { "servicenow", "Url", null, "'Notifier:Channels:bad:Url' is missing" },
        { "servicenow", "ClientId", "app", "'Notifier:Channels:bad': set either Username and Password (basic auth) or ClientId and ClientSecret (OAuth client credentials), not both" },
        { "servicenow", "Username", null, "'Notifier:Channels:bad:Username' is missing" },
        { "grafana-annotations", "Token", null, "'Notifier:Channels:bad:Token' is missing" },
        { "email", "From", "not an address", "'Notifier:Channels:bad:From' is 'not an address'" },
        { "teams", "Template:Text", "{{incident.nope}}", "'Notifier:Channels:bad:Template:Text' is not a valid template: '{{incident.nope}}' names no known value" },
        { "console", "QuietHours:TimeZone", "Mars/Olympus", "'Notifier:Channels:bad:QuietHours:TimeZone' is 'Mars/Olympus'" },
        { "console", "Format", "xml", "'Notifier:Channels:bad:Format' is 'xml'; use text or json" },
        { "sms", "Url", "https://x", "'Notifier:Channels:bad:Type' is 'sms'; use one of slack-webhook, slack-bot" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Start_WithInvalidChannel_FailsNamingTheKey(string type, string key, string? value, string expected)
    {
        var config = Valid(type);
        config[$"Notifier:Channels:bad:{key}"] = value;

        var error = await Should.ThrowAsync<OptionsValidationException>(() => NotifierHost.StartAsync(config));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public async Task Start_WithRouteToAnUnknownChannelOrEvent_Fails()
    {
        var config = Valid("console");
        config["Notifier:Routes:0:Channels:0"] = "nowhere";
        config["Notifier:Routes:0:Events:0"] = "IncidentExploded";

        var error = await Should.ThrowAsync<OptionsValidationException>(() => NotifierHost.StartAsync(config));

        error.Message.ShouldContain("'Notifier:Routes:0:Channels' names 'nowhere', which is not configured");
        error.Message.ShouldContain("'Notifier:Routes:0:Events' names 'IncidentExploded'");
    }

    [Theory]
    [InlineData("webhook")]
    [InlineData("slack-webhook")]
    [InlineData("slack-bot")]
    [InlineData("teams")]
    [InlineData("email")]
    [InlineData("jira")]
    [InlineData("pagerduty")]
    [InlineData("servicenow")]
    [InlineData("grafana-annotations")]
    [InlineData("console")]
    public async Task Start_WithValidChannel_Starts(string type)
    {
        await using var host = await NotifierHost.StartAsync(Valid(type));
        host.Services.GetService(typeof(IOptions<Notifier.Configuration.NotifierOptions>)).ShouldNotBeNull();
    }

    private static Dictionary<string, string?> Valid(string type)
    {
        var settings = type switch
        {
            "webhook" => new[] { ("Url", "https://hooks.invalid/x"), ("Secret", "k") },
            "slack-webhook" or "teams" => [("Url", "https://hooks.invalid/x")],
            "slack-bot" => [("Token", "xoxb-1"), ("Channel", "C1")],
            "pagerduty" => [("RoutingKey", "r")],
            "jira" => [("Url", "https://x.atlassian.invalid"), ("Username", "a@b.c"), ("Password", "t"), ("Project", "OPS")],
            "servicenow" => [("Url", "https://x.service-now.invalid"), ("Username", "ip"), ("Password", "p")],
            "grafana-annotations" => [("Url", "https://grafana.invalid"), ("Token", "glsa_x")],
            "email" => [("Host", "smtp.invalid"), ("From", "a@b.c"), ("To:0", "c@d.e")],
            _ => [("Url", "https://x")],
        };
        return ChannelConfig.Channel("bad", type, [.. settings.Select(s => (s.Item1, (string?)s.Item2))]);
    }
}
