using IncidentPlatform.ServiceDefaults.Configuration;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Remediation.Policies;

/// <summary>
/// Holds the policy in force. <see cref="Check"/> re-reads the files and swaps in a new version when they changed and
/// are valid; an invalid change is rejected with its errors and the previous policy stays in force.
/// </summary>
internal sealed class PolicyProvider(
    IOptions<RemediationOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<PolicyProvider> logger)
{
    private readonly Lock _gate = new();
    private PolicyStatus? _status;
    private string? _fingerprint;

    /// <summary>The full policy path, or null when none is configured.</summary>
    public string? Path { get; } = string.IsNullOrWhiteSpace(options.Value.PolicyPath)
        ? null
        : System.IO.Path.GetFullPath(options.Value.PolicyPath, environment.ContentRootPath);

    /// <summary>The policy in force (loaded on first use).</summary>
    public RemediationPolicy Current => Status.Policy;

    /// <summary>The policy in force and the latest check.</summary>
    public PolicyStatus Status
    {
        get
        {
            if (_status is null)
            {
                LoadInitial();
            }

            return _status!;
        }
    }

    /// <summary>
    /// Loads the configured policy, once. Throws <see cref="ConfigurationException"/> naming the key and every problem
    /// when it is invalid: a service must not start without the policy it was given.
    /// </summary>
    public void LoadInitial()
    {
        lock (_gate)
        {
            if (_status is not null)
            {
                return;
            }

            if (Path is null)
            {
                _status = new PolicyStatus(RemediationPolicy.Empty, null, time.GetUtcNow(), "");
                logger.LogWarning("No remediation policy configured ({Key}): nothing will be proposed", "Remediation:PolicyPath");
                return;
            }

            try
            {
                var source = PolicySource.Read(Path);
                Swap(source, PolicyLoader.Load(source));
            }
            catch (PolicyLoadException e)
            {
                throw new ConfigurationException(
                    $"Configuration 'Remediation:PolicyPath' ({Path}) holds an invalid policy: " +
                    string.Join("; ", e.Errors), e);
            }
        }
    }

    /// <summary>
    /// Re-reads the files; loads them when they changed since the last check. With <paramref name="settle"/>, waits
    /// that long and reads again, loading only when nothing changed in between (a file may be half-written).
    /// Returns true when a new version is now in force.
    /// </summary>
    public async Task<bool> CheckAsync(TimeSpan settle, CancellationToken cancellationToken)
    {
        if (Path is null)
        {
            return false;
        }

        _ = Status;
        PolicySource source;
        try
        {
            source = PolicySource.Read(Path);
            if (settle > TimeSpan.Zero && source.Fingerprint != _fingerprint)
            {
                await Task.Delay(settle, time, cancellationToken);
                var again = PolicySource.Read(Path);
                if (again.Fingerprint != source.Fingerprint)
                {
                    return false; // Still being written: the next notification or periodic check loads it.
                }
            }
        }
        catch (PolicyLoadException e)
        {
            Reject(null, e);
            return false;
        }

        lock (_gate)
        {
            if (source.Fingerprint == _fingerprint)
            {
                _status = _status! with { CheckedAt = time.GetUtcNow() };
                return false;
            }

            try
            {
                var policy = PolicyLoader.Load(source);
                var changed = policy.Version != _status!.Policy.Version;
                Swap(source, policy);
                return changed;
            }
            catch (PolicyLoadException e)
            {
                Reject(source.Fingerprint, e);
                return false;
            }
        }
    }

    private void Swap(PolicySource source, RemediationPolicy policy)
    {
        var previous = _status?.Policy.Version;
        var now = time.GetUtcNow();
        _fingerprint = source.Fingerprint;
        _status = previous == policy.Version && _status is not null
            ? _status with { CheckedAt = now, Errors = [] }
            : new PolicyStatus(policy, now, now, Text(source));
        if (previous != policy.Version)
        {
            logger.LogInformation(
                "Remediation policy {PolicyVersion} in force from {PolicyPath}: {RuleCount} rules (previous {PreviousVersion})",
                policy.Version, source.Path, policy.Rules.Count, previous ?? "none");
        }
    }

    private void Reject(string? fingerprint, PolicyLoadException e)
    {
        lock (_gate)
        {
            // Remember the rejected files, so the same broken content is not re-parsed and re-logged every check.
            _fingerprint = fingerprint ?? _fingerprint;
            var errors = e.Errors.Select(error => error.ToString()).ToList();
            if (!_status!.Errors.SequenceEqual(errors))
            {
                logger.LogError(
                    "Remediation policy change rejected, {PolicyVersion} stays in force: {PolicyErrors}",
                    _status.Policy.Version, string.Join("; ", errors));
            }

            _status = _status with { CheckedAt = time.GetUtcNow(), Errors = errors };
        }
    }

    private static string Text(PolicySource source) => source.Files.Count == 1
        ? source.Files[0].Text
        : string.Join("\n", source.Files.Select(f => $"# --- {f.Name} ---\n{f.Text}"));
}
