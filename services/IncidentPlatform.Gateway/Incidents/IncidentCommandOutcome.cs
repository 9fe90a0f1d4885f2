using IncidentPlatform.Contracts;

namespace IncidentPlatform.Gateway.Incidents;

/// <summary>
/// The outcome of an incident command, reported the same way by REST (problem details) and MCP (tool results).
/// </summary>
/// <param name="Incident">The incident after the change (null after a delete or a failure).</param>
/// <param name="Status">An HTTP-like status: 200, 204, 400, 404, 409, 422, 503.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Errors">Invalid fields, for a 400.</param>
internal sealed record IncidentCommandOutcome(
    Incident? Incident, int Status, string? Error = null, IDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public static IncidentCommandOutcome From(IncidentCommandResult? result) => result switch
    {
        null => new(null, StatusCodes.Status503ServiceUnavailable, BusRequests.NoAnswer),
        { Accepted: true, Incident: null } => new(null, StatusCodes.Status204NoContent),
        { Accepted: true } => new(result.Incident, StatusCodes.Status200OK),
        _ => new(null, result.Status, result.Error ?? "Refused."),
    };

    public static IncidentCommandOutcome Invalid(IDictionary<string, string[]> errors) =>
        new(null, StatusCodes.Status400BadRequest, "The request is not valid.", errors);

    /// <summary>The REST answer: the incident, 204, or problem details.</summary>
    public IResult ToResult() => this switch
    {
        { Errors: not null } => Problems.Validation(Errors),
        { Status: StatusCodes.Status204NoContent } => TypedResults.NoContent(),
        { Succeeded: true } => TypedResults.Ok(Incident),
        _ => Problems.Result(Status, Title(Status), Error ?? "Refused."),
    };

    /// <summary>The short title of a failure status.</summary>
    public static string Title(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status503ServiceUnavailable => "No answer",
        _ => "Refused",
    };
}
