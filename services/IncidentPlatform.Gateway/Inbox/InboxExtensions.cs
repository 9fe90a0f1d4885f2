namespace IncidentPlatform.Gateway.Inbox;

/// <summary>Registers the intake's durable inbox and its relay.</summary>
internal static class InboxExtensions
{
    public static IServiceCollection AddInbox(this IServiceCollection services)
    {
        services.AddSingleton<AlertInbox>();
        services.AddSingleton<InboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<InboxRelay>());
        return services;
    }
}
