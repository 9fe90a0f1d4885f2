using System.Net.Mail;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using IncidentPlatform.Notifier.Routing;
using IncidentPlatform.Notifier.Templates;

namespace IncidentPlatform.Notifier.Configuration;

/// <summary>The checks of one channel's settings, by type.</summary>
internal static class ChannelValidator
{
    public static void Validate(string key, ChannelOptions channel, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(channel.Type) || !ChannelTypes.All.Contains(channel.Type))
        {
            errors.Add($"'{key}:Type' is '{channel.Type}'; use one of {string.Join(", ", ChannelTypes.All)}.");
            return;
        }

        switch (channel.Type)
        {
            case ChannelTypes.SlackWebhook or ChannelTypes.Teams:
                Url(key, "Url", channel.Url, required: true, errors);
                break;
            case ChannelTypes.Webhook:
                Url(key, "Url", channel.Url, required: true, errors);
                Required(key, "Secret", channel.Secret, "the HMAC key the receiver checks the signature with", errors);
                break;
            case ChannelTypes.SlackBot:
                Required(key, "Token", channel.Token, "a Slack bot token (xoxb-…)", errors);
                Required(key, "Channel", channel.Channel, "a Slack channel id such as C0123456789", errors);
                Url(key, "BaseUrl", channel.BaseUrl, required: false, errors);
                break;
            case ChannelTypes.PagerDuty:
                Required(key, "RoutingKey", channel.RoutingKey, "the Events API v2 integration key", errors);
                Url(key, "Url", channel.Url, required: false, errors);
                break;
            case ChannelTypes.Jira:
                Url(key, "Url", channel.Url, required: true, errors);
                Required(key, "Username", channel.Username, "the Jira account's e-mail", errors);
                Required(key, "Password", channel.Password, "a Jira API token", errors);
                Required(key, "Project", channel.Project, "a project key such as OPS", errors);
                break;
            case ChannelTypes.GrafanaAnnotations:
                Url(key, "Url", channel.Url, required: true, errors);
                Required(key, "Token", channel.Token, "a Grafana service-account token (glsa_…) with annotations:write", errors);
                break;
            case ChannelTypes.ServiceNow:
                ValidateServiceNow(key, channel, errors);
                break;
            case ChannelTypes.Email:
                ValidateEmail(key, channel, errors);
                break;
            case ChannelTypes.Console:
                ValidateConsole(key, channel, errors);
                break;
        }

        Template(key, "Template:Title", channel.Template.Title, errors);
        Template(key, "Template:Text", channel.Template.Text, errors);
        ValidateQuietHours($"{key}:QuietHours", channel.QuietHours, errors);
        ValidateLimits(key, channel, errors);
    }

    private static void ValidateServiceNow(string key, ChannelOptions channel, List<string> errors)
    {
        Url(key, "Url", channel.Url, required: true, errors);
        Required(key, "CloseCode", channel.CloseCode, "a close code of the instance such as 'Solution provided'", errors);
        var basic = !string.IsNullOrWhiteSpace(channel.Username) || !string.IsNullOrWhiteSpace(channel.Password);
        var oauth = !string.IsNullOrWhiteSpace(channel.ClientId) || !string.IsNullOrWhiteSpace(channel.ClientSecret);
        if (basic == oauth)
        {
            errors.Add($"'{key}': set either Username and Password (basic auth) or ClientId and ClientSecret (OAuth client credentials), not {(basic ? "both" : "neither")}.");
            return;
        }

        if (basic)
        {
            Required(key, "Username", channel.Username, "the ServiceNow integration user", errors);
            Required(key, "Password", channel.Password, "that user's password", errors);
        }
        else
        {
            Required(key, "ClientId", channel.ClientId, "the OAuth client id of the application registry entry", errors);
            Required(key, "ClientSecret", channel.ClientSecret, "its client secret", errors);
        }
    }

    private static void ValidateConsole(string key, ChannelOptions channel, List<string> errors)
    {
        if (channel.Format is { } format && !string.Equals(format, ChannelOptions.TextFormat, StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(format, ChannelOptions.JsonFormat, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"'{key}:Format' is '{format}'; use {ChannelOptions.TextFormat} or {ChannelOptions.JsonFormat}.");
        }

        if (!string.IsNullOrWhiteSpace(channel.Path) &&
            System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(channel.Path)) is { } directory && !Directory.Exists(directory))
        {
            errors.Add($"'{key}:Path' is in '{directory}', which does not exist.");
        }
    }

    public static void ValidateQuietHours(string key, QuietHoursOptions window, List<string> errors)
    {
        if (!QuietHours.TryFindZone(window.TimeZone, out _))
        {
            errors.Add($"'{key}:TimeZone' is '{window.TimeZone}', which is not a known time zone (use an IANA id such as Europe/Berlin).");
        }

        if (!window.IsSet)
        {
            return;
        }

        if (!QuietHours.TryParseTime(window.Start, out _))
        {
            errors.Add($"'{key}:Start' is '{window.Start}'; expected a time such as 22:00.");
        }

        if (!QuietHours.TryParseTime(window.End, out _))
        {
            errors.Add($"'{key}:End' is '{window.End}'; expected a time such as 07:00.");
        }
    }

    private static void ValidateEmail(string key, ChannelOptions channel, List<string> errors)
    {
        Required(key, "Host", channel.Host, "the SMTP server's host name", errors);
        if (channel.Port is < 1 or > 65535)
        {
            errors.Add($"'{key}:Port' is {channel.Port}; expected 1–65535 (587 for submission).");
        }

        if (!MailAddress.TryCreate(channel.From, out _))
        {
            errors.Add($"'{key}:From' is '{channel.From}'; expected an e-mail address.");
        }

        if (channel.To.Count == 0)
        {
            errors.Add($"'{key}:To' is empty; list at least one recipient ('{key}:To:0').");
        }

        foreach (var address in channel.To.Where(a => !MailAddress.TryCreate(a, out _)))
        {
            errors.Add($"'{key}:To' contains '{address}', which is not an e-mail address.");
        }

        if (!string.IsNullOrEmpty(channel.Username) && !channel.StartTls)
        {
            errors.Add($"'{key}:Username' is set while '{key}:StartTls' is false: credentials are only sent over TLS.");
        }

        if (!string.IsNullOrWhiteSpace(channel.TrustedCertificate))
        {
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificateFromFile(channel.TrustedCertificate);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"'{key}:TrustedCertificate' ('{channel.TrustedCertificate}') cannot be read as a certificate: {e.Message}");
            }
        }
    }

    private static void ValidateLimits(string key, ChannelOptions channel, List<string> errors)
    {
        if (channel.MaxAttempts < 1)
        {
            errors.Add($"'{key}:MaxAttempts' is {channel.MaxAttempts}; expected 1 or more.");
        }

        if (channel.RateLimit < 0 || (channel.RateLimit > 0 && channel.RateWindow <= TimeSpan.Zero))
        {
            errors.Add($"'{key}:RateLimit'/'RateWindow' must be a non-negative count per positive window.");
        }

        if (channel.EffectiveStormThreshold < 0 || (channel.EffectiveStormThreshold > 0 && channel.StormWindow <= TimeSpan.Zero))
        {
            errors.Add($"'{key}:StormThreshold'/'StormWindow' must be a non-negative count per positive window.");
        }

        if (channel.CoalesceWindow < TimeSpan.Zero || channel.RetryDelay < TimeSpan.Zero || channel.MaxRetryDelay < TimeSpan.Zero)
        {
            errors.Add($"'{key}': CoalesceWindow, RetryDelay and MaxRetryDelay cannot be negative.");
        }
    }

    private static void Required(string key, string field, string? value, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"'{key}:{field}' is missing; set it to {what}.");
        }
    }

    private static void Url(string key, string field, string? value, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add($"'{key}:{field}' is missing; set it to an https:// URL.");
            }

            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"'{key}:{field}' is '{value}'; expected an absolute http(s) URL.");
        }
    }

    private static void Template(string key, string field, string? source, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(source) && MessageTemplate.TryParse(source, out var error) is null)
        {
            errors.Add($"'{key}:{field}' is not a valid template: {error}.");
        }
    }
}
