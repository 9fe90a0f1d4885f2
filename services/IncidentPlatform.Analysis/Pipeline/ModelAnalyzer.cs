using System.Globalization;
using IncidentPlatform.Analysis.Budget;
using IncidentPlatform.Analysis.Configuration;
using IncidentPlatform.Analysis.Context;
using IncidentPlatform.Analysis.Prompting;
using IncidentPlatform.Analysis.Providers;
using IncidentPlatform.Analysis.Replies;
using IncidentPlatform.Analysis.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace IncidentPlatform.Analysis.Pipeline;

/// <summary>
/// Asks one model provider for the analysis: unless its circuit is open, within budget and time, the reply checked,
/// and an invalid reply sent back once with its errors for a repair.
/// </summary>
internal sealed class ModelAnalyzer(
    BudgetGuard budget, PriceTable prices, ProviderCircuit circuit, AnalysisTelemetry telemetry, IOptions<AnalysisOptions> options,
    TimeProvider time, ILogger<ModelAnalyzer> logger)
{
    private const int MaxEchoedReply = 20_000;

    public async Task<ModelOutcome> AnalyzeAsync(ModelProvider provider, Prompt prompt, IncidentContext context, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var messages = new List<ChatMessage> { new(ChatRole.System, prompt.System), new(ChatRole.User, prompt.User) };
        long input = 0, output = 0;
        decimal cost = 0;
        ModelOutcome Failed(string reason, bool denied = false) => new(null, $"{provider.Name}: {reason}", denied, input, output, cost);

        if (circuit.Skip(provider.Name) is { } skipped)
        {
            telemetry.ModelCall(provider.Name, "skipped");
            return Failed(skipped);
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var estimate = Prompt.EstimateTokens(messages.Sum(m => (long)m.Text.Length));
            var reservation = await budget.ReserveAsync(context.Incident.Id, provider.Model, estimate, cancellationToken);
            if (reservation.DeniedReason is { } denied)
            {
                telemetry.ModelCall(provider.Name, "budget");
                return Failed(denied, denied: true);
            }

            ChatResponse response;
            try
            {
                using var timeout = new CancellationTokenSource(o.Timeout, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                response = await provider.Client.GetResponseAsync(messages,
                    new ChatOptions { MaxOutputTokens = o.MaxOutputTokens, Temperature = 0 }, linked.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A call that timed out was probably billed for its prompt: the budget counts the estimate. An error
                // answer was not, and costs nothing. Neither is in the analysis's tokens, which are measured ones.
                var timedOut = e is OperationCanceledException or TimeoutException || e.InnerException is TimeoutException;
                await reservation.SettleAsync(timedOut ? estimate : 0, 0);
                circuit.Failed(provider.Name);
                telemetry.ModelCall(provider.Name, timedOut ? "timeout" : "error");
                logger.LogWarning(e, "Model {Provider} failed for incident {IncidentId}", provider.Name, context.Incident.Id);
                return Failed(timedOut
                    ? string.Create(CultureInfo.InvariantCulture, $"no answer within {o.Timeout.TotalSeconds:0.#} s")
                    : Describe(e));
            }
            catch
            {
                await reservation.SettleAsync(0, 0);
                throw;
            }

            circuit.Succeeded(provider.Name);
            var (callInput, callOutput) = Usage(response, estimate);
            var callCost = prices.Cost(provider.Model, callInput, callOutput);
            input += callInput;
            output += callOutput;
            cost += callCost;
            await reservation.SettleAsync(callInput, callOutput);
            telemetry.Usage(provider.Name, provider.Model, callInput, callOutput, callCost);

            var text = response.Text ?? "";
            var check = ReplyParser.Parse(text, context);
            if (check.Analysis is { } analysis)
            {
                telemetry.ModelCall(provider.Name, attempt == 0 ? "success" : "repaired");
                var notes = attempt == 0 ? analysis.Notes : [.. analysis.Notes, "The model's first reply was invalid and was repaired once."];
                return new ModelOutcome(analysis with { Provider = provider.Name, Model = provider.Model, Notes = notes }, null, false, input, output, cost);
            }

            telemetry.ModelCall(provider.Name, "invalid");
            logger.LogWarning("Model {Provider} gave an invalid analysis for incident {IncidentId} (attempt {Attempt}): {Errors}",
                provider.Name, context.Incident.Id, attempt + 1, string.Join(" ", check.Errors));
            if (attempt == 0)
            {
                messages.Add(new ChatMessage(ChatRole.Assistant, ReplyParser.Bounded(text, MaxEchoedReply)));
                messages.Add(new ChatMessage(ChatRole.User, PromptBuilder.Repair(check.Errors)));
            }
            else
            {
                return Failed($"invalid reply after one repair ({ReplyParser.Bounded(check.Errors[0], 160)})");
            }
        }

        throw new InvalidOperationException("Unreachable: the loop returns on its second attempt.");
    }

    /// <summary>The usage the provider reported; when it reports none, the estimate (so the budget still counts it).</summary>
    private static (long Input, long Output) Usage(ChatResponse response, long estimatedInput) =>
        (response.Usage?.InputTokenCount ?? estimatedInput, response.Usage?.OutputTokenCount ?? (response.Text?.Length ?? 0) / 3);

    /// <summary>The failure in a line: the HTTP status when the provider answered one, else the exception.</summary>
    private static string Describe(Exception e) => e switch
    {
        Anthropic.Exceptions.AnthropicApiException api =>
            $"HTTP {(int)api.StatusCode} {api.StatusCode} ({ReplyParser.Bounded(Sanitize(api.ResponseBody ?? ""), 160)})",
        _ => $"{e.GetType().Name}: {ReplyParser.Bounded(Sanitize(e.Message), 200)}",
    };

    private static string Sanitize(string message) => new([.. message.Select(c => char.IsControl(c) ? ' ' : c)]);
}
