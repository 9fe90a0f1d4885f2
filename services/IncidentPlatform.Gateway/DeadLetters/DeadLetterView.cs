using IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

namespace IncidentPlatform.Gateway.DeadLetters;

/// <summary>A dead letter as listed: where and why it failed, without its body.</summary>
internal sealed record DeadLetterView(
    string Id, string Queue, string ErrorQueue, IReadOnlyList<string> MessageTypes, string ExceptionType, string ExceptionMessage,
    DateTimeOffset At, string Host)
{
    public static DeadLetterView Of(DeadLetter d) =>
        new(d.Id, d.Queue, d.Queue + "_error", d.MessageTypes, d.ExceptionType, d.ExceptionMessage, d.At, d.Host);
}

/// <summary>The answer of <c>GET /api/dead-letters</c>.</summary>
internal sealed record DeadLetterList(IReadOnlyList<DeadLetterView> Items, bool Truncated);
