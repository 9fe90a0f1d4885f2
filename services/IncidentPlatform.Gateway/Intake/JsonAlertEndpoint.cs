using IncidentPlatform.Gateway.Auth;
using IncidentPlatform.Gateway.Json;

namespace IncidentPlatform.Gateway.Intake;

/// <summary><c>POST /api/alerts</c>: any JSON alert (<see cref="AlertRequest"/>), with an API key holding the <c>write</c> scope.</summary>
internal static class JsonAlertEndpoint
{
    public static IEndpointRouteBuilder MapJsonAlertEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/alerts", async Task<IResult> (HttpRequest request, AlertIntake intake, TimeProvider time) =>
            {
                var (body, problem) = await JsonBody.ReadAsync(request, GatewayJsonContext.Default.AlertRequest);
                if (problem is not null)
                {
                    return problem;
                }

                var errors = AlertValidator.Validate(body!, time.GetUtcNow(), out var alert);
                return errors.Count > 0 ? Problems.Validation(errors) : await intake.AcceptAsync(alert!);
            })
            .RequireScope(Scopes.Write)
            .WithName("PostAlert")
            .WithSummary("Accept an alert (generic JSON).");
        return app;
    }
}
