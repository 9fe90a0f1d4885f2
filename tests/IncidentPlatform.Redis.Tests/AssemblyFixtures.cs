using IncidentPlatform.Testing;

// One redis-server for the tests that need nothing special; they use their own keys (TestKeys.Unique).
// Tests that stop, restart, authenticate or flush start their own RedisServer.
[assembly: AssemblyFixture(typeof(RedisFixture))]
