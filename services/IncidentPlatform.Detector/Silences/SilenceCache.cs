using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Detector.Correlation;
using IncidentPlatform.Store;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Detector.Silences;

/// <summary>
/// The silences (documents in <see cref="Collection"/>, managed through the gateway), reloaded at most every
/// <see cref="CorrelationOptions.SilenceRefreshInterval"/> so an alert storm does not read them once per alert.
/// A document that cannot be read is skipped with a warning; when a reload fails the previous set stays in force.
/// </summary>
internal sealed class SilenceCache(
    IDocumentStore documents, IOptions<CorrelationOptions> options, TimeProvider time, ILogger<SilenceCache> logger)
{
    /// <summary>The collection the gateway writes silences to.</summary>
    public const string Collection = "silences";

    private readonly SemaphoreSlim _reload = new(1, 1);
    private (DateTimeOffset LoadedAt, IReadOnlyList<SilenceRules> Rules)? _loaded;

    /// <summary>The id of an active silence matching the alert, or null.</summary>
    public async Task<string?> MatchAsync(Alert alert, CancellationToken cancellationToken)
    {
        var rules = await RulesAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rules.FirstOrDefault(r => r.IsActive(now) && r.Matches(alert))?.Silence.Id;
    }

    private async Task<IReadOnlyList<SilenceRules>> RulesAsync(CancellationToken cancellationToken)
    {
        var loaded = _loaded;
        if (loaded is { } current && time.GetUtcNow() - current.LoadedAt < options.Value.SilenceRefreshInterval)
        {
            return current.Rules;
        }

        await _reload.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } fresh && time.GetUtcNow() - fresh.LoadedAt < options.Value.SilenceRefreshInterval)
            {
                return fresh.Rules;
            }

            try
            {
                var rules = await LoadAsync(cancellationToken);
                _loaded = (time.GetUtcNow(), rules);
                return rules;
            }
            catch (Exception e) when (e is not OperationCanceledException && _loaded is not null)
            {
                logger.LogWarning(e, "Reloading silences failed; the {Count} loaded before stay in force", _loaded.Value.Rules.Count);
                return _loaded.Value.Rules;
            }
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<IReadOnlyList<SilenceRules>> LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = new List<SilenceRules>();
        foreach (var document in await documents.ListAsync(Collection, limit: 10_000, cancellationToken: cancellationToken))
        {
            try
            {
                var silence = JsonSerializer.Deserialize(document.Json, CorrelationJsonContext.Default.Silence);
                if (silence is not null && silence.EndsAt > now)
                {
                    rules.Add(SilenceRules.Compile(silence));
                }
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                logger.LogWarning("Silence {SilenceId} cannot be read and is ignored: {Error}", document.Id, e.Message);
            }
        }

        return rules;
    }
}
