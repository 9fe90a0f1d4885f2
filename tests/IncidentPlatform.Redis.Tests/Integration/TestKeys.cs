namespace IncidentPlatform.Redis.Tests.Integration;

/// <summary>Keys no other test uses, so tests can share one server.</summary>
internal static class TestKeys
{
    public static string Unique(string prefix) => $"{prefix}:{Guid.NewGuid():N}";
}
