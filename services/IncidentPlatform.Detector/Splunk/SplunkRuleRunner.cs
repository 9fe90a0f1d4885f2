using System.Globalization;
using IncidentPlatform.Detector.Signals;
using IncidentPlatform.Detector.Telemetry;
using IncidentPlatform.Store;

namespace IncidentPlatform.Detector.Splunk;

/// <summary>
/// Polls one rule. A step takes (or renews) the rule's lease — with several replicas only its holder searches — reads
/// the checkpoint (the end of the last window raised), and searches every window that is due in order, raising each
/// window's signals before moving the checkpoint past it. So a restart, or a replica taking over, resumes at the next
/// window: none is skipped and none is counted twice (and a window searched twice raises the same alert ids). After
/// downtime the windows older than <see cref="SplunkOptions.MaxCatchUp"/> are skipped, logged and counted. A failed
/// search is retried with exponential backoff, the same window again; its error shows in <c>/health</c>.
/// </summary>
internal sealed class SplunkRuleRunner(
    string rule, DetectionRuleOptions options, SplunkOptions splunk, SplunkClient client, ILeaseStore leases,
    ICheckpointStore checkpoints, SignalPublisher publisher, SplunkStatusBoard board, string owner, TimeProvider time,
    ILogger logger)
{
    public string Rule { get; } = rule;

    public string LeaseName => $"splunk-rule:{Rule}";

    public static string CheckpointName(string rule) => $"splunk:{rule}";

    private TimeSpan RenewEvery => splunk.LeaseTtl / 3;

    /// <summary>One step; returns when the next one is due. Never throws but for cancellation.</summary>
    public async Task<DateTimeOffset> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            if (!await leases.TryAcquireAsync(LeaseName, owner, splunk.LeaseTtl, cancellationToken))
            {
                if (!board.Get(Rule).Standby)
                {
                    logger.LogInformation("Splunk rule {Rule} is polled by another replica; standing by", Rule);
                }

                board.Update(Rule, s => s with { Standby = true });
                return now + RenewEvery;
            }

            board.Update(Rule, s => s with { Standby = false });
            var next = await NextWindowEndAsync(now, cancellationToken);
            while (next <= RuleWindows.LatestEnd(time.GetUtcNow(), options))
            {
                if (!await PollWindowAsync(next, cancellationToken))
                {
                    return time.GetUtcNow() + RenewEvery;
                }

                next += options.Interval;
            }

            var due = next + options.Lag;
            var renew = time.GetUtcNow() + RenewEvery;
            return due < renew ? due : renew;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(e, now);
        }
    }

    /// <summary>Gives the lease up (at shutdown), so another replica takes over at once.</summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) => leases.ReleaseAsync(LeaseName, owner, cancellationToken);

    private async Task<bool> PollWindowAsync(DateTimeOffset end, CancellationToken cancellationToken)
    {
        var start = end - options.EffectiveWindow;
        IReadOnlyList<DetectorSignal> signals;
        long events;
        await using (var keeper = LeaseKeeper.Start(leases, LeaseName, owner, splunk.LeaseTtl, time, cancellationToken))
        {
            var (counts, found) = await RuleSearch.RunAsync(client, Rule, options, splunk.MaxSamples, start, end, cancellationToken);
            (signals, events) = (found, counts.Events);
            if (keeper.Lost)
            {
                logger.LogWarning("Lost the lease of Splunk rule {Rule} during a search; leaving the window to its new holder", Rule);
                return false;
            }
        }

        await publisher.PublishAsync(signals, cancellationToken);
        await checkpoints.SetAsync(CheckpointName(Rule), end.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        DetectorTelemetry.SplunkPolls.Add(1, new KeyValuePair<string, object?>("rule", Rule));
        board.Update(Rule, s => s with { LastSuccess = time.GetUtcNow(), LastWindowEnd = end, ConsecutiveFailures = 0 });
        logger.LogInformation("Splunk rule {Rule} searched {Start:O} to {End:O}: {Events} events, {Signals} signals",
            Rule, start, end, events, signals.Count);
        return true;
    }

    private async Task<DateTimeOffset> NextWindowEndAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var latest = RuleWindows.LatestEnd(now, options);
        var stored = await checkpoints.GetAsync(CheckpointName(Rule), cancellationToken);
        if (stored is null || !DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var last))
        {
            // A new rule starts with the window that just ended, not with history; recorded first, so that if that
            // search fails it is that window that is retried, however long the failure lasts.
            await checkpoints.SetAsync(CheckpointName(Rule), (latest - options.Interval).ToString("O", CultureInfo.InvariantCulture), cancellationToken);
            return latest;
        }

        var next = RuleWindows.AlignDown(last, options.Interval) + options.Interval;
        // Whole windows within the catch-up limit, so the oldest one searched is aligned too.
        var oldest = latest - TimeSpan.FromTicks(splunk.MaxCatchUp.Ticks - (splunk.MaxCatchUp.Ticks % options.Interval.Ticks));
        if (next < oldest)
        {
            var skipped = (oldest - next).Ticks / options.Interval.Ticks;
            logger.LogWarning(
                "Splunk rule {Rule} was not polled from {From:O} to {To:O}: skipping {Skipped} windows beyond the catch-up limit " +
                "({MaxCatchUp}, Splunk:MaxCatchUp); searching from {Resume:O}", Rule, next, oldest, skipped, splunk.MaxCatchUp, oldest);
            DetectorTelemetry.SplunkWindowsSkipped.Add(skipped, new KeyValuePair<string, object?>("rule", Rule));
            board.Update(Rule, s => s with { SkippedWindows = s.SkippedWindows + skipped });
            next = oldest;
        }

        return next;
    }

    private DateTimeOffset Failed(Exception e, DateTimeOffset now)
    {
        var kind = e is SplunkSearchException s ? s.Kind.ToString() : "Internal";
        var status = board.Get(Rule);
        var failures = status.ConsecutiveFailures + 1;
        var delay = TimeSpan.FromTicks(Math.Min(splunk.MaxRetryDelay.Ticks,
            splunk.RetryDelay.Ticks * (1L << Math.Min(failures - 1, 20))));
        board.Update(Rule, s => s with { LastErrorAt = now, LastError = $"{kind}: {e.Message}", ConsecutiveFailures = failures });
        DetectorTelemetry.SplunkErrors.Add(1,
            new KeyValuePair<string, object?>("rule", Rule), new KeyValuePair<string, object?>("kind", kind));
        if (e is SplunkSearchException)
        {
            logger.LogWarning("Splunk rule {Rule} failed ({Kind}, attempt {Attempt}): {Error}; retrying in {Delay}",
                Rule, kind, failures, e.Message, delay);
        }
        else
        {
            logger.LogError(e, "Splunk rule {Rule} failed (attempt {Attempt}); retrying in {Delay}", Rule, failures, delay);
        }

        return now + delay;
    }
}
