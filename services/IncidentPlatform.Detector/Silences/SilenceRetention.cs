using System.Text.Json;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Silences;

/// <summary>Deletes silences that ended longer ago than <see cref="CorrelationOptions.SilenceRetention"/>.</summary>
internal sealed class SilenceRetention(IDocumentStore documents, IOptions<CorrelationOptions> options)
{
    public async Task<int> ForgetExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        var before = now - options.Value.SilenceRetention;
        var forgotten = 0;
        foreach (var document in await documents.ListAsync(SilenceCache.Collection, limit: 10_000, cancellationToken: ct))
        {
            var silence = TryParse(document.Json);
            if (silence is not null && silence.EndsAt < before)
            {
                forgotten += await documents.DeleteAsync(SilenceCache.Collection, document.Id, ct) ? 1 : 0;
            }
        }

        return forgotten;
    }

    private static IncidentPlatform.Contracts.Silence? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, CorrelationJsonContext.Default.Silence);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
