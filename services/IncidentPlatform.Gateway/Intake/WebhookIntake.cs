using IncidentPlatform.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IncidentPlatform.Gateway.Intake;

/// <summary>
/// Hands mapped alerts to <see cref="AlertIntake"/> (ids, retry dropping by the sender's id, publishing) and answers
/// 202. A batch stops at the first alert that cannot be queued (503): the sender retries the whole delivery, and the
/// alerts already accepted are dropped as retries by their sender ids.
/// </summary>
internal sealed class WebhookIntake(AlertIntake intake)
{
    public async Task<IResult> AcceptOneAsync(Alert alert)
    {
        var result = await intake.AcceptAsync(alert);
        return result is Accepted<AlertAccepted> { Value: { } accepted }
            ? TypedResults.Accepted((string?)null, new WebhookAccepted(AlertId: accepted.AlertId))
            : result;
    }

    public async Task<IResult> AcceptAllAsync(IEnumerable<Alert> alerts)
    {
        var ids = new List<string>();
        foreach (var alert in alerts)
        {
            var result = await intake.AcceptAsync(alert);
            if (result is not Accepted<AlertAccepted> { Value: { } accepted })
            {
                return result;
            }

            ids.Add(accepted.AlertId);
        }

        return TypedResults.Accepted((string?)null, new WebhookAccepted(AlertIds: ids));
    }

    public static IResult Ignored(string reason) =>
        TypedResults.Accepted((string?)null, new WebhookAccepted(Ignored: reason));
}
