namespace IncidentPlatform.Remediation.Executors;

/// <summary>What running an action did.</summary>
/// <param name="Success">True when the action reported success (or, in dry-run, was recorded).</param>
/// <param name="Request">The request sent or that would have been sent, secrets removed.</param>
/// <param name="Output">The answer, bounded.</param>
/// <param name="Error">What went wrong.</param>
/// <param name="Uncertain">True when the call ended without a definite answer after it may have reached the target (a
/// timeout, a connection cut mid-call): the action may have run, so the remediation is interrupted, not failed.</param>
internal sealed record ActionOutcome(bool Success, string? Request, string? Output, string? Error, bool Uncertain = false)
{
    private const int MaxOutput = 4000;

    /// <summary>A success with the answer (cut to a bounded length).</summary>
    public static ActionOutcome Succeeded(string request, string output) => new(true, request, Bound(output), null);

    /// <summary>A failure.</summary>
    public static ActionOutcome Failed(string? request, string error, string? output = null) =>
        new(false, request, output is null ? null : Bound(output), error);

    /// <summary>No definite answer after the call may have reached the target: the action may have run.</summary>
    public static ActionOutcome Unknown(string? request, string error) => new(false, request, null, error, Uncertain: true);

    /// <summary>A dry run: the request is what would have been sent.</summary>
    public static ActionOutcome Recorded(string request, string? note = null) =>
        new(true, request, note ?? "dry-run: nothing was sent", null);

    private static string Bound(string text) => text.Length <= MaxOutput ? text : text[..MaxOutput] + "…";
}
