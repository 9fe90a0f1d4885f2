using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentPlatform.Gateway;

/// <summary>RFC 9457 problem details, the one error format of the gateway.</summary>
internal static class Problems
{
    public static ProblemHttpResult Result(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    /// <summary>503 with <c>Retry-After</c>: the request was not taken and may be sent again after the pause.</summary>
    public static IResult Unavailable(string title, string detail, TimeSpan retryAfter) =>
        new RetryLater(Result(StatusCodes.Status503ServiceUnavailable, title, detail), retryAfter);

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "The request is not valid; see 'errors'.");

    /// <summary>Writes a problem directly (from middleware and authentication handlers).</summary>
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }

    private sealed class RetryLater(IResult problem, TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(httpContext);
        }
    }
}
