using IncidentPlatform.Testing;

namespace IncidentPlatform.Redis.Tests.Integration;

public sealed class ScriptTests
{
    private static readonly RedisScript IncrementAndRead = new("""
        local n = redis.call('INCRBY', KEYS[1], ARGV[1])
        return {n, ARGV[2]}
        """);

    [Fact(Timeout = 30_000)]
    public async Task EvalAsync_AfterScriptFlush_FallsBackToEvalOnceThenUsesEvalSha()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var connection = await RedisConnection.ConnectAsync(server.ConnectionString);

        var first = await connection.EvalAsync(IncrementAndRead, ["n"], [5, "tag"]);
        var second = await connection.EvalAsync(IncrementAndRead, ["n"], [1, "tag"]);
        await connection.ExecuteAsync("SCRIPT", "FLUSH");
        var afterFlush = await connection.EvalAsync(IncrementAndRead, ["n"], [10, "again"]);
        var loaded = await connection.ExecuteAsync("SCRIPT", "EXISTS", IncrementAndRead.Sha1);
        var stats = (await connection.ExecuteAsync("INFO", "commandstats")).ToString()!;

        first[0].ToInt64().ShouldBe(5);
        first[1].ToString().ShouldBe("tag");
        second[0].ToInt64().ShouldBe(6);
        afterFlush[0].ToInt64().ShouldBe(16);
        afterFlush[1].ToString().ShouldBe("again");
        loaded[0].ToInt64().ShouldBe(1);
        Calls(stats, "evalsha").ShouldBe(3); // every call tried EVALSHA first
        Calls(stats, "eval").ShouldBe(2); // the first (not loaded) and the one after the flush
    }

    [Fact(Timeout = 30_000)]
    public async Task EvalAsync_ScriptRaisesError_ThrowsServerExceptionAndConnectionStaysUsable()
    {
        await using var server = await RedisServer.StartNewAsync();
        await using var connection = await RedisConnection.ConnectAsync(server.ConnectionString);
        var failing = new RedisScript("return redis.error_reply('POLICY denied')");

        var error = await Should.ThrowAsync<RedisServerException>(async () => await connection.EvalAsync(failing));

        error.Message.ShouldContain("POLICY denied");
        await connection.PingAsync();
    }

    [Fact]
    public void RedisScript_Sha1_MatchesServerSha()
    {
        new RedisScript("return 1").Sha1.ShouldBe("e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
    }

    private static int Calls(string commandStats, string command)
    {
        var prefix = $"cmdstat_{command}:calls=";
        var line = commandStats.Split("\r\n").Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return int.Parse(line[prefix.Length..line.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
