using IncidentPlatform.Contracts;
using IncidentPlatform.Store;

namespace IncidentPlatform.Remediation.Audit;

/// <summary>
/// Checks an incident's audit chain: every entry readable, at its position, for its incident, linked to the previous
/// entry's hash, and carrying the hash of its own content (keyed or not, as configured: the answer names the mode, and
/// a keyed check fails a chain rebuilt without the key). Reports the first link that does not hold.
/// </summary>
internal sealed class AuditVerifier(IAppendLog log, AuditHasher hasher)
{
    /// <summary>Verifies the trail of <paramref name="incidentId"/>.</summary>
    public async Task<AuditTrailVerification> VerifyAsync(string incidentId, CancellationToken cancellationToken)
    {
        var previous = AuditHasher.Genesis;
        long count = 0;
        await foreach (var (position, text) in AuditTrail.ReadRawAsync(log, incidentId, cancellationToken))
        {
            count++;
            var error = Check(incidentId, position, text, previous, out var hash);
            if (error is not null)
            {
                var total = await log.LengthAsync(AuditTrail.Stream(incidentId), cancellationToken);
                return new AuditTrailVerification
                {
                    IncidentId = incidentId, Mode = hasher.Mode, Valid = false, Entries = total, FirstBrokenSequence = position, Error = error,
                };
            }

            previous = hash;
        }

        return new AuditTrailVerification { IncidentId = incidentId, Mode = hasher.Mode, Valid = true, Entries = count };
    }

    private string? Check(string incidentId, long position, string text, string previous, out string hash)
    {
        hash = "";
        if (AuditTrail.Parse(text) is not { } entry)
        {
            return $"entry {position} is not a readable audit entry";
        }

        if (entry.Sequence != position)
        {
            return $"entry {position} says it is entry {entry.Sequence} (entries were removed, inserted or reordered)";
        }

        if (entry.IncidentId != incidentId)
        {
            return $"entry {position} belongs to incident {entry.IncidentId}";
        }

        if (entry.PreviousHash != previous)
        {
            return $"entry {position} does not link to entry {position - 1} (previous hash {Short(entry.PreviousHash)}, expected {Short(previous)})";
        }

        if (hasher.Hash(entry) != entry.Hash)
        {
            return $"entry {position} was modified: its content does not match its hash {Short(entry.Hash)} ({hasher.Mode})";
        }

        hash = entry.Hash;
        return null;
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
