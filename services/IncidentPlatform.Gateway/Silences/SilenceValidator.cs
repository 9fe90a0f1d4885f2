using System.Text.RegularExpressions;
using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Silences;

/// <summary>
/// Checks a <see cref="SilenceRequest"/>: 1–20 matchers with names and values in bounds, regular expressions that the
/// detector can run (anchored, without backtracking), at least one matcher that does not match everything (so no silence
/// mutes all alerts), an end after its start and in the future, at most a year long.
/// </summary>
internal static class SilenceValidator
{
    public const int MaxMatchers = 20;
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(366);

    /// <summary>The options the detector matches with (its <c>SilenceRules</c>).</summary>
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    public static Dictionary<string, string[]> Validate(SilenceRequest request, DateTimeOffset now, out List<SilenceMatcher> matchers,
        out DateTimeOffset startsAt, out DateTimeOffset endsAt)
    {
        var errors = new Dictionary<string, string[]>();
        matchers = [];
        if (request.Matchers is not { Count: > 0 and <= MaxMatchers })
        {
            errors["matchers"] = [$"Required: 1 to {MaxMatchers} matchers, e.g. {{\"name\": \"service\", \"value\": \"checkout\"}}."];
        }
        else
        {
            for (var i = 0; i < request.Matchers.Count; i++)
            {
                if (Matcher(request.Matchers[i], out var error) is { } matcher)
                {
                    matchers.Add(matcher);
                }
                else
                {
                    errors[$"matchers[{i}]"] = [error!];
                }
            }

            if (errors.Count == 0 && !matchers.Any(m => !m.IsNegative && !MatchesEmpty(m)))
            {
                errors["matchers"] = ["At least one matcher must be positive and not match the empty string, or the silence would mute everything."];
            }
        }

        startsAt = request.StartsAt ?? now;
        endsAt = request.EndsAt ?? startsAt + (request.Duration ?? TimeSpan.Zero);
        if (request.EndsAt is not null && request.Duration is not null)
        {
            errors["duration"] = ["Give 'endsAt' or 'duration', not both."];
        }
        else if (request.EndsAt is null && request.Duration is null)
        {
            errors["endsAt"] = ["Required: 'endsAt' (a time) or 'duration' (e.g. \"02:00:00\")."];
        }
        else if (endsAt <= startsAt)
        {
            errors["endsAt"] = ["Must be after 'startsAt'."];
        }
        else if (endsAt <= now)
        {
            errors["endsAt"] = ["Must be in the future."];
        }
        else if (endsAt - startsAt > MaxLength)
        {
            errors["endsAt"] = [$"A silence lasts at most {MaxLength.TotalDays} days."];
        }

        if (request.Comment is { Length: > 1000 })
        {
            errors["comment"] = ["At most 1000 characters."];
        }

        return errors;
    }

    private static SilenceMatcher? Matcher(SilenceMatcherRequest? request, out string? error)
    {
        error = null;
        if (request is null)
        {
            error = "A matcher is an object with 'name' and 'value', not null.";
            return null;
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100 || request.Name.Any(char.IsControl))
        {
            error = "'name' is required: a label name (1–100 characters), or service, source, severity or title.";
            return null;
        }

        if (request.Value is null || request.Value.Length > 1000)
        {
            error = "'value' is required (at most 1000 characters; it may be empty).";
            return null;
        }

        if (request.IsRegex == true)
        {
            try
            {
                _ = new Regex($"^(?:{request.Value})$", Options);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                error = $"'value' is not a usable regular expression: {e.Message}";
                return null;
            }
        }

        return new SilenceMatcher
        {
            Name = request.Name.Trim(), Value = request.Value, IsRegex = request.IsRegex == true, IsNegative = request.IsNegative == true,
        };
    }

    private static bool MatchesEmpty(SilenceMatcher matcher) =>
        matcher.IsRegex ? new Regex($"^(?:{matcher.Value})$", Options).IsMatch("") : matcher.Value.Length == 0;
}
