namespace IncidentPlatform.Analysis.Providers;

/// <summary>The model providers to try, in order, before the offline analyzer (empty: the offline analyzer alone).</summary>
/// <param name="Providers">The providers.</param>
internal sealed record ModelChain(IReadOnlyList<ModelProvider> Providers) : IDisposable
{
    public void Dispose()
    {
        foreach (var provider in Providers)
        {
            provider.Client.Dispose();
        }
    }
}
