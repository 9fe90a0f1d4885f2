using System.Security.Claims;

namespace IncidentPlatform.Gateway.Intake.Authentication;

/// <summary>
/// What a sender's proof came to: accepted (with the API key's identity when a key was the proof, else as the source),
/// or refused with the answer to send — a problem, or the sender's own error format.
/// </summary>
internal sealed record WebhookVerdict(IResult? Refusal, ClaimsPrincipal? Caller)
{
    /// <summary>The sender proved itself by a token or a signature.</summary>
    public static readonly WebhookVerdict Accepted = new(null, null);

    public static WebhookVerdict AcceptedAs(ClaimsPrincipal caller) => new(null, caller);

    public static WebhookVerdict Refused(IResult answer) => new(answer, null);

    public static WebhookVerdict Refused(int status, string title, string detail) => new(Problems.Result(status, title, detail), null);
}
