using IncidentPlatform.Testing;

// One broker and one Redis for the whole assembly: starting RabbitMQ takes several seconds. Outage tests start their own.
// Tests sharing them use their own service names, so they never see each other's incidents.
[assembly: AssemblyFixture(typeof(RabbitMqFixture))]
[assembly: AssemblyFixture(typeof(RedisFixture))]
