namespace IncidentPlatform.ServiceDefaults.Messaging.DeadLetters;

/// <summary>Where dead letters are recorded for operators (the incident store's <c>dead-letters</c> documents).</summary>
public interface IDeadLetterStore
{
    /// <summary>Records a dead letter (a second record under the same id replaces nothing).</summary>
    Task RecordAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>The oldest dead letters, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>One dead letter, or null.</summary>
    Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Forgets a dead letter; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
