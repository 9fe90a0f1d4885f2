using IncidentPlatform.Contracts;

namespace IncidentPlatform.Analysis.Replies;

/// <summary>The outcome of checking a model reply: a usable analysis, or the errors to send back for a repair.</summary>
/// <param name="Analysis">The analysis, or null when the reply is unusable.</param>
/// <param name="Errors">Why the reply is unusable.</param>
internal sealed record ReplyCheck(IncidentAnalysis? Analysis, IReadOnlyList<string> Errors)
{
    public static ReplyCheck Failed(string error) => new(null, [error]);
}
