using System.Text.Json;
using IncidentPlatform.Notifier.Configuration;
using IncidentPlatform.Notifier.Serialization;

namespace IncidentPlatform.Notifier.Channels.Console;

/// <summary>
/// Writes each notification as one line to standard output, or appends it to <see cref="ChannelOptions.Path"/>: the
/// standalone host's default, and a local audit trail. <see cref="ChannelOptions.Format"/> <c>text</c> is one short line
/// for people (<see cref="ConsoleLine"/>; the default on standard output), <c>json</c> the full structured payload (the
/// default in a file).
/// </summary>
internal sealed class ConsoleChannel(string name, ChannelOptions options, TextWriter? output = null) : ChannelBase(name, options)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public override string Type => ChannelTypes.Console;

    public override async Task<SendResult> SendAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        var json = Options.Format is { } format
            ? string.Equals(format, ChannelOptions.JsonFormat, StringComparison.OrdinalIgnoreCase)
            : !string.IsNullOrWhiteSpace(Options.Path);
        var line = json
            ? JsonSerializer.Serialize(PayloadFactory.Create(Name, message), NotifierJsonContext.Default.WebhookPayload)
            : ConsoleLine.Format(message);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (string.IsNullOrWhiteSpace(Options.Path))
            {
                var writer = output ?? System.Console.Out;
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
            }
            else
            {
                await File.AppendAllTextAsync(Options.Path, line + "\n", cancellationToken);
            }

            return SendResult.Delivered();
        }
        catch (IOException e)
        {
            return SendResult.Transient($"{Options.Path}: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return SendResult.Permanent($"{Options.Path}: {e.Message}");
        }
        finally
        {
            Gate.Release();
        }
    }
}
