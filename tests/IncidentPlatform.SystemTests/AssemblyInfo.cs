using IncidentPlatform.Testing;

// One broker for the whole assembly: starting RabbitMQ takes several seconds. Outage tests start their own.
[assembly: AssemblyFixture(typeof(RabbitMqFixture))]
