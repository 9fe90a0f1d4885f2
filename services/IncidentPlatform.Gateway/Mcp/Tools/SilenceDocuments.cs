using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;
using IncidentPlatform.Gateway.Json;
using IncidentPlatform.ServiceDefaults;
using IncidentPlatform.Store;

namespace IncidentPlatform.Gateway.Mcp.Tools;

/// <summary>
/// Silences as documents in the store (collection <c>silences</c>, the <see cref="Silence"/> contract in the stores'
/// camelCase JSON), with their validation. The detector reads the same documents when it correlates alerts.
/// </summary>
internal sealed class SilenceDocuments(IDocumentStore documents, TimeProvider time)
{
    public const string Collection = "silences";
    public const int MaxMatchers = 20;
    public const int MaxListed = 200;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    /// <summary>Silences that have not ended, soonest end first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<Silence>> ListActiveAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stored = await documents.ListAsync(Collection, limit: 10_000, cancellationToken: cancellationToken);
        return stored.Select(Read).OfType<Silence>().Where(s => s.EndsAt > now).OrderBy(s => s.EndsAt).Take(limit).ToList();
    }

    /// <summary>Validates and stores a new silence; returns it, or the problems with it.</summary>
    public async Task<(Silence? Silence, IReadOnlyList<string> Errors)> CreateAsync(
        IReadOnlyList<SilenceMatcher> matchers, DateTimeOffset? startsAt, DateTimeOffset endsAt, string createdBy, string? comment,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var start = startsAt ?? now;
        var errors = Validate(matchers, start, endsAt, now);
        if (comment is { Length: > 1000 })
        {
            errors.Add("comment: at most 1000 characters.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var silence = new Silence
        {
            Id = Ids.New("sil", time), Matchers = matchers, StartsAt = start, EndsAt = endsAt, CreatedBy = createdBy,
            Comment = comment ?? "", CreatedAt = now,
        };
        var json = JsonSerializer.Serialize(silence, GatewayJsonContext.Default.Silence);
        await documents.TryPutAsync(Collection, silence.Id, json, expectedVersion: 0, cancellationToken: cancellationToken);
        return (silence, []);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        documents.DeleteAsync(Collection, id, cancellationToken);

    private static List<string> Validate(IReadOnlyList<SilenceMatcher> matchers, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var errors = new List<string>();
        if (matchers.Count is 0 or > MaxMatchers)
        {
            errors.Add($"matchers: 1 to {MaxMatchers} matchers (all must match).");
        }

        foreach (var m in matchers)
        {
            if (m.Name.Length is 0 or > 100 || m.Value.Length > 1000)
            {
                errors.Add("matchers: names 1–100 characters, values at most 1000.");
            }
            else if (m.IsRegex && !IsRegex(m.Value))
            {
                errors.Add($"matchers: '{m.Value}' is not a valid regular expression.");
            }
        }

        if (end <= start || end <= now)
        {
            errors.Add("endsAt: must be after startsAt and in the future.");
        }
        else if (end - start > MaxWindow)
        {
            errors.Add($"endsAt: a silence lasts at most {MaxWindow.TotalDays:0} days.");
        }

        return errors;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Silence? Read(StoredDocument document)
    {
        try
        {
            return JsonSerializer.Deserialize(document.Json, GatewayJsonContext.Default.Silence);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
