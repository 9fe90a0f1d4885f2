namespace IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

/// <summary>A message that exhausted its retries: moved to its queue's <c>_error</c> queue and recorded here for operators.</summary>
/// <param name="Id">The record's id (the message id when it has one).</param>
/// <param name="Queue">The queue it failed on (its error queue is <c>&lt;queue&gt;_error</c>).</param>
/// <param name="MessageTypes">The message's types, as MassTransit names them (<c>urn:message:…</c>).</param>
/// <param name="ExceptionType">The last exception's type.</param>
/// <param name="ExceptionMessage">The last exception's message.</param>
/// <param name="At">When it was dead-lettered.</param>
/// <param name="Host">The machine whose consumer gave up.</param>
/// <param name="MessageId">The message id on the transport, used to find it in the error queue.</param>
/// <param name="Body">The message as received (MassTransit's JSON envelope), to send it again.</param>
public sealed record DeadLetter(
    string Id, string Queue, IReadOnlyList<string> MessageTypes, string ExceptionType, string ExceptionMessage, DateTimeOffset At,
    string Host, string? MessageId, string Body);
