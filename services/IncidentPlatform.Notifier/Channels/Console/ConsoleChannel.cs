using System.Text.Json;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Events;
using IncidentPlatform.Notifier.Serialization;

namespace IncidentPlatform.Notifier.Channels.Console;

/// <summary>
/// Writes each notification as one JSON line to standard output, or appends it to <see cref="ChannelOptions.Path"/>:
/// the standalone host's default, and a local audit trail.
/// </summary>
internal sealed class ConsoleChannel(string name, ChannelOptions options, TextWriter? output = null) : INotificationChannel
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string Name => name;

    public string Type => ChannelTypes.Console;

    public ChannelOptions Options => options;

    public bool Accepts(NotificationEvent e) => true;

    public async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(PayloadFactory.Create(name, message), NotifierJsonContext.Default.WebhookPayload);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (string.IsNullOrWhiteSpace(options.Path))
            {
                var writer = output ?? System.Console.Out;
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }
            else
            {
                await File.AppendAllTextAsync(options.Path, line + "\n", cancellationToken);
            }

            return SendResult.Delivered();
        }
        catch (IOException e)
        {
            return SendResult.Transient($"{options.Path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return SendResult.Permanent($"{options.Path}: {e.Message}");
        }
        finally
        {
            Gate.Release();
        }
    }
}
