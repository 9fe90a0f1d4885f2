using static IncidentPlatform.Detector.Demo.DemoLines;

namespace IncidentPlatform.Detector.Demo;

/// <summary>
/// Normal traffic of five services: request logs with latencies, background jobs, some WARN noise, and two errors that
/// are always there at a low, noisy rate (declined cards, unparsable search queries) — which must not page.
/// </summary>
internal static class DemoTraffic
{
    public static readonly string[] Services = ["checkout", "payments", "inventory", "auth", "search"];

    private static readonly (int Weight, Func<Random, DateTimeOffset, string> Record)[] Records =
    [
        (60, (r, at) => Line(at, "INFO", "checkout", $"GET /api/cart/{Hex(r, 8)} 200 {r.Next(8, 90)}ms user={r.Next(1000, 99999)} trace={Hex(r, 16)}")),
        (24, (r, at) => Line(at, "INFO", "checkout", $"POST /api/orders 201 {r.Next(120, 480)}ms order=ord_{Hex(r, 10)} items={r.Next(1, 7)}")),
        (28, (r, at) => Line(at, "INFO", "payments", $"POST /api/charges 200 {r.Next(140, 620)}ms charge=ch_{Hex(r, 12)} amount={r.Next(5, 900)}.{r.Next(0, 99):00} EUR")),
        (12, (r, at) => Line(at, "INFO", "payments", $"HikariPool-1 - Pool stats (total=50, active={r.Next(3, 22)}, idle={r.Next(20, 47)}, waiting=0)")),
        (36, (r, at) => Line(at, "INFO", "inventory", $"GET /v1/stock/sku-{r.Next(10000, 99999)} 200 {r.Next(3, 40)}ms warehouse={Pick(r, "ams1", "fra2", "dub1")}")),
        (6, (r, at) => Line(at, "INFO", "inventory", $"Reconciled {r.Next(200, 4000)} SKUs for warehouse {Pick(r, "ams1", "fra2", "dub1")} in {r.Next(300, 2400)}ms")),
        (32, (r, at) => Line(at, "INFO", "auth", $"POST /oauth/token 200 {r.Next(12, 70)}ms client={Pick(r, "web", "ios", "android", "partner-api")} grant=refresh_token")),
        (10, (r, at) => Line(at, "INFO", "auth", $"Session {Hex(r, 12)} refreshed for user {r.Next(1000, 99999)} from {Ip(r)}")),
        (40, (r, at) => Line(at, "INFO", "search", $"GET /search?q={Pick(r, "shoes", "red+dress", "laptop", "usb-c+cable", "tent")} 200 {r.Next(20, 260)}ms hits={r.Next(0, 5000)}")),
        (4, (r, at) => Line(at, "WARN", "search", $"Slow query took {r.Next(520, 1900)}ms on index products (threshold 500ms)")),
        (4, (r, at) => Line(at, "WARN", "auth", $"Rate limit at {r.Next(80, 97)}% for client partner-api ({r.Next(800, 970)}/1000 requests per minute)")),
        (2, (r, at) => Line(at, "WARN", "inventory", $"Cache miss ratio {r.Next(20, 45)}% above 20% for region {Pick(r, "eu-west-1", "eu-central-1")}")),
        (1, (r, at) => Line(at, "ERROR", "checkout", $"Payment declined for order ord_{Hex(r, 10)}: card_declined (issuer response {Pick(r, "05", "51", "54")})")),
        (1, (r, at) => Line(at, "ERROR", "search", $"Query parse failed for request {Hex(r, 12)}: unexpected token ')' at position {r.Next(0, 40)}")),
    ];

    private static readonly int TotalWeight = Records.Sum(r => r.Weight);

    /// <summary>One random normal record.</summary>
    public static string Next(Random random, DateTimeOffset at)
    {
        var pick = random.Next(TotalWeight);
        foreach (var (weight, record) in Records)
        {
            if (pick < weight)
            {
                return record(random, at);
            }

            pick -= weight;
        }

        return Records[0].Record(random, at);
    }

    /// <summary>One record of every kind, so a fresh start learns all normal templates within its warm-up.</summary>
    public static IEnumerable<string> EveryKind(Random random, DateTimeOffset at) => Records.Select(r => r.Record(random, at));
}
