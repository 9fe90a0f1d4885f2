using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Gateway.Intake.Authentication;

/// <summary>
/// Authenticates a webhook delivery with its source's proof (<see cref="WebhookAuthenticationOptions.Verify"/>) and,
/// when it is refused, answers the challenge with the refusal the proof gave (401, 403, 404, 413… in problem details or
/// the sender's format). A sender proven by a token or signature gets an identity naming its source but no name, so the
/// per-caller rate limit leaves it alone as before; a sender proven by an API key acts as that key.
/// </summary>
internal sealed class WebhookAuthenticationHandler(
    IOptionsMonitor<WebhookAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<WebhookAuthenticationOptions>(options, logger, encoder)
{
    public const string SourceClaim = "webhook";

    private IResult? _refusal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var verdict = await Options.Verify(Context);
        if (verdict.Refusal is not null)
        {
            _refusal = verdict.Refusal;
            return AuthenticateResult.Fail($"The {Scheme.Name} delivery was refused.");
        }

        var caller = new ClaimsPrincipal(verdict.Caller?.Identities ?? []);
        caller.AddIdentity(new ClaimsIdentity([new Claim(SourceClaim, Scheme.Name)], Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(caller, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        (_refusal ?? Problems.Result(StatusCodes.Status401Unauthorized, "Unauthorized", "The delivery is not authenticated."))
        .ExecuteAsync(Context);
}
