using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentPlatform.ServiceDefaults.Security;

/// <summary>Registers the one <see cref="SecretRedactor"/> of a process.</summary>
public static class SecretRedactionExtensions
{
    /// <summary>Whether e-mail addresses are redacted too (default true): the analysis' setting, shared by every user.</summary>
    public const string RedactEmailsKey = "Analysis:RedactEmails";

    /// <summary>Adds the redactor (unless a module added it already), configured by <see cref="RedactEmailsKey"/>.</summary>
    public static IServiceCollection AddSecretRedactor(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SecretRedactor(sp.GetRequiredService<IConfiguration>().GetValue(RedactEmailsKey, true)));
        return services;
    }
}
