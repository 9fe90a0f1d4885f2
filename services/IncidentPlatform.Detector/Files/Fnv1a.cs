namespace IncidentPlatform.Detector.Files;

/// <summary>64-bit FNV-1a over bytes: a stable (not per-process) hash for file heads and path identities.</summary>
internal static class Fnv1a
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }
}
