using System.Text.Json;
using IncidentPlatform.Contracts;
using IncidentPlatform.Remediation.Serialization;
using IncidentPlatform.Store;

namespace IncidentPlatform.Remediation.Audit;

/// <summary>
/// The append-only, hash-chained audit trail of each incident (an <see cref="IAppendLog"/> stream). Appends use
/// compare-and-append at the expected length, so writers on several replicas extend one chain and never fork it.
/// Hashed by <see cref="AuditHasher"/>: keyed when <c>Remediation:AuditKey</c> is set.
/// </summary>
internal sealed class AuditTrail(IAppendLog log, TimeProvider time, AuditHasher hasher)
{
    private const int MaxAttempts = 100;

    /// <summary>The stream of an incident's trail.</summary>
    public static string Stream(string incidentId) => AuditLogStream.For(incidentId);

    /// <summary>Appends <paramref name="record"/> as the next link of its incident's chain.</summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var stream = Stream(record.IncidentId);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var length = await log.LengthAsync(stream, cancellationToken);
            var previous = AuditHasher.Genesis;
            if (length > 0)
            {
                var last = await log.ReadAsync(stream, length - 1, 1, cancellationToken);
                previous = last.Count == 1 ? Parse(last[0])?.Hash ?? AuditHasher.Genesis : AuditHasher.Genesis;
            }

            var entry = new AuditEntry
            {
                Sequence = length,
                IncidentId = record.IncidentId,
                At = time.GetUtcNow(),
                Kind = record.Kind,
                Actor = record.Actor,
                Channel = record.Channel,
                RemediationId = record.RemediationId,
                Rule = record.Rule,
                PolicyVersion = record.PolicyVersion,
                Details = record.Details,
                PreviousHash = previous,
                Hash = "",
            };
            entry = entry with { Hash = hasher.Hash(entry) };
            var json = JsonSerializer.Serialize(entry, RemediationJsonContext.Default.AuditEntry);
            if (await log.TryAppendAsync(stream, json, length, cancellationToken) is not null)
            {
                return entry;
            }

            // Another writer appended first: link to its entry instead.
            await Task.Yield();
        }

        throw new InvalidOperationException($"The audit trail of {record.IncidentId} kept changing under {MaxAttempts} append attempts.");
    }

    /// <summary>The trail's entries in order (unreadable ones skipped: the verifier reports them).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string incidentId, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        await foreach (var (_, text) in ReadRawAsync(log, incidentId, cancellationToken))
        {
            if (Parse(text) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Every stored entry text with its position.</summary>
    public static async IAsyncEnumerable<(long Position, string Text)> ReadRawAsync(
        IAppendLog log, string incidentId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = Stream(incidentId);
        var length = await log.LengthAsync(stream, cancellationToken);
        for (long start = 0; start < length;)
        {
            var page = await log.ReadAsync(stream, start, 500, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var text in page)
            {
                yield return (start++, text);
            }
        }
    }

    /// <summary>An entry from its stored text, or null when it is not a readable entry.</summary>
    public static AuditEntry? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, RemediationJsonContext.Default.AuditEntry);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
