using System.Text.Json;
using System.Text.Json.Nodes;
using IncidentPlatform.Remediation.Audit;
using IncidentPlatform.Remediation.Serialization;
using IncidentPlatform.Remediation.Tests.Infrastructure;
using IncidentPlatform.Store;
using IncidentPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentPlatform.Remediation.Tests.Audit;

public sealed class AuditTrailTests
{
    private const string Incident = "inc-audit-1";
    private const string Key = "audit-key-0123456789abcdefghijklmnop";

    [Fact]
    public async Task Append_EachEntryLinksToThePreviousOne()
    {
        var log = new TamperableAppendLog();
        var trail = new AuditTrail(log, new ManualTimeProvider(TestData.Wednesday10), AuditHasher.Unkeyed);

        var entries = await AppendAsync(trail, 4);

        entries.Select(e => e.Sequence).ShouldBe([0L, 1, 2, 3]);
        entries[0].PreviousHash.ShouldBe(new string('0', 64));
        for (var i = 1; i < entries.Count; i++)
        {
            entries[i].PreviousHash.ShouldBe(entries[i - 1].Hash);
        }

        entries.Select(e => e.Hash).Distinct().Count().ShouldBe(4);
        var result = await new AuditVerifier(log, AuditHasher.Unkeyed).VerifyAsync(Incident, CancellationToken.None);
        result.Valid.ShouldBeTrue(result.Error);
        result.Entries.ShouldBe(4);
    }

    [Fact]
    public async Task Verify_EmptyTrail_IsValid()
    {
        var result = await new AuditVerifier(new TamperableAppendLog(), AuditHasher.Unkeyed).VerifyAsync("inc-none", CancellationToken.None);

        result.Valid.ShouldBeTrue();
        result.Entries.ShouldBe(0);
    }

    [Fact]
    public async Task Verify_ModifiedEntry_ReportsItAsTheFirstBrokenLink()
    {
        var log = new TamperableAppendLog();
        await AppendAsync(new AuditTrail(log, new ManualTimeProvider(TestData.Wednesday10), AuditHasher.Unkeyed), 5);

        log.Rewrite(AuditTrail.Stream(Incident), 2, json => Change(json, e => e["actor"] = "mallory"));
        var result = await new AuditVerifier(log, AuditHasher.Unkeyed).VerifyAsync(Incident, CancellationToken.None);

        result.Valid.ShouldBeFalse();
        result.FirstBrokenSequence.ShouldBe(2);
        result.Entries.ShouldBe(5);
        result.Error!.ShouldStartWith("entry 2 was modified: its content does not match its hash");
    }

    [Fact]
    public async Task Verify_ModifiedEntryWithRecomputedHash_BreaksTheNextLink()
    {
        var log = new TamperableAppendLog();
        await AppendAsync(new AuditTrail(log, new ManualTimeProvider(TestData.Wednesday10), AuditHasher.Unkeyed), 5);

        log.Rewrite(AuditTrail.Stream(Incident), 2, json =>
        {
            var forged = AuditTrail.Parse(json)! with { Actor = "mallory" };
            return JsonSerializer.Serialize(forged with { Hash = AuditHasher.Unkeyed.Hash(forged) }, RemediationJsonContext.Default.AuditEntry);
        });
        var result = await new AuditVerifier(log, AuditHasher.Unkeyed).VerifyAsync(Incident, CancellationToken.None);

        result.FirstBrokenSequence.ShouldBe(3);
        result.Error!.ShouldStartWith("entry 3 does not link to entry 2");
    }

    [Fact]
    public async Task Verify_RemovedEntry_IsDetected()
    {
        var log = new TamperableAppendLog();
        await AppendAsync(new AuditTrail(log, new ManualTimeProvider(TestData.Wednesday10), AuditHasher.Unkeyed), 4);

        log.Remove(AuditTrail.Stream(Incident), 1);
        var result = await new AuditVerifier(log, AuditHasher.Unkeyed).VerifyAsync(Incident, CancellationToken.None);

        result.FirstBrokenSequence.ShouldBe(1);
        result.Error.ShouldBe("entry 1 says it is entry 2 (entries were removed, inserted or reordered)");
    }

    [Fact]
    public async Task Verify_UnreadableEntry_IsDetected()
    {
        var log = new TamperableAppendLog();
        await AppendAsync(new AuditTrail(log, new ManualTimeProvider(TestData.Wednesday10), AuditHasher.Unkeyed), 2);

        log.Rewrite(AuditTrail.Stream(Incident), 0, _ => "{not json");

        (await new AuditVerifier(log, AuditHasher.Unkeyed).VerifyAsync(Incident, CancellationToken.None)).Error.ShouldBe("entry 0 is not a readable audit entry");
    }

    [Fact]
    public async Task Append_ConcurrentWritersOnTheEmbeddedStore_ExtendOneChain()
    {
        await using var store = await TestStore.EmbeddedAsync();
        var log = store.Services.GetRequiredService<IAppendLog>();
        var writers = Enumerable.Range(0, 4).Select(w => new AuditTrail(log, TimeProvider.System, AuditHasher.Unkeyed)).ToList();

        await Task.WhenAll(writers.Select((trail, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await trail.AppendAsync(Record($"writer-{w}-{i}"), CancellationToken.None);
            }
        })));

        var result = await new AuditVerifier(log, AuditHasher.Unkeyed).VerifyAsync(Incident, CancellationToken.None);
        result.Valid.ShouldBeTrue(result.Error);
        result.Entries.ShouldBe(100);
        var entries = await writers[0].ReadAsync(Incident, CancellationToken.None);
        entries.Select(e => e.Details["note"]).Distinct().Count().ShouldBe(100);
    }

    [Fact]
    public async Task Verify_KeyedChainRebuiltWithoutTheKey_FailsKeyedVerification()
    {
        var keyed = new AuditHasher(Key);
        var log = new TamperableAppendLog();
        await AppendAsync(new AuditTrail(log, new ManualTimeProvider(TestData.Wednesday10), keyed), 4);
        (await new AuditVerifier(log, keyed).VerifyAsync(Incident, CancellationToken.None)).Valid.ShouldBeTrue();

        // Someone with store access changes entry 1 and rebuilds the whole chain, as an unkeyed chain allows, and once
        // more with a key of their own: each rebuilt chain verifies under its forger's hasher, never under ours.
        foreach (var forger in new[] { AuditHasher.Unkeyed, new AuditHasher(new string('m', 32)) })
        {
            await RebuildAsync(log, forger, from: 0, e => e.Sequence == 1 ? e with { Actor = "mallory" } : e);

            var result = await new AuditVerifier(log, keyed).VerifyAsync(Incident, CancellationToken.None);

            result.Mode.ShouldBe("hmac-sha256");
            result.Valid.ShouldBeFalse();
            result.FirstBrokenSequence.ShouldBe(0);
            result.Error!.ShouldStartWith("entry 0 was modified");
            (await new AuditVerifier(log, forger).VerifyAsync(Incident, CancellationToken.None)).Valid.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task Verify_NamesTheModeItChecked()
    {
        var log = new TamperableAppendLog();
        await AppendAsync(new AuditTrail(log, new ManualTimeProvider(TestData.Wednesday10), AuditHasher.Unkeyed), 2);

        (await new AuditVerifier(log, AuditHasher.Unkeyed).VerifyAsync(Incident, CancellationToken.None)).Mode.ShouldBe("sha256");
        var keyed = await new AuditVerifier(log, new AuditHasher(Key)).VerifyAsync(Incident, CancellationToken.None);
        keyed.Mode.ShouldBe("hmac-sha256");
        keyed.Valid.ShouldBeFalse(); // an unkeyed chain is not taken for a keyed one
        Should.Throw<ArgumentException>(() => new AuditHasher("too-short")).Message.ShouldContain("at least 32 characters");
    }

    [Fact]
    public async Task Hash_CoversEveryField()
    {
        var entry = await new AuditTrail(new TamperableAppendLog(), new ManualTimeProvider(TestData.Wednesday10), AuditHasher.Unkeyed).AppendAsync(Record("x"), CancellationToken.None);
        IncidentPlatform.Contracts.AuditEntry[] variants =
        [
            entry with { Sequence = 7 }, entry with { IncidentId = "inc-other" }, entry with { At = entry.At.AddTicks(1) },
            entry with { Kind = "other" }, entry with { Actor = "other" }, entry with { Channel = "other" },
            entry with { RemediationId = "rem-other" }, entry with { Rule = "other" }, entry with { PolicyVersion = "other" },
            entry with { Details = new Dictionary<string, string> { ["note"] = "y" } }, entry with { PreviousHash = new string('1', 64) },
        ];

        variants.Select(AuditHasher.Unkeyed.Hash).ShouldAllBe(hash => hash != entry.Hash);
    }

    private static async Task<List<IncidentPlatform.Contracts.AuditEntry>> AppendAsync(AuditTrail trail, int count)
    {
        var entries = new List<IncidentPlatform.Contracts.AuditEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(await trail.AppendAsync(Record($"step {i}"), CancellationToken.None));
        }

        return entries;
    }

    private static AuditRecord Record(string note) =>
        new(Incident, "proposed", "policy", "policy", new Dictionary<string, string> { ["note"] = note })
        {
            RemediationId = "rem-1", Rule = "rule-a", PolicyVersion = new string('b', 64),
        };

    private static async Task RebuildAsync(TamperableAppendLog log, AuditHasher forger, int from, Func<IncidentPlatform.Contracts.AuditEntry, IncidentPlatform.Contracts.AuditEntry> change)
    {
        var stream = AuditTrail.Stream(Incident);
        var length = await log.LengthAsync(stream);
        var previous = from == 0 ? AuditHasher.Genesis : AuditTrail.Parse((await log.ReadAsync(stream, from - 1, 1))[0])!.Hash;
        for (var i = from; i < length; i++)
        {
            log.Rewrite(stream, i, json =>
            {
                var forged = change(AuditTrail.Parse(json)!) with { PreviousHash = previous };
                forged = forged with { Hash = forger.Hash(forged) };
                previous = forged.Hash;
                return JsonSerializer.Serialize(forged, RemediationJsonContext.Default.AuditEntry);
            });
        }
    }

    private static string Change(string json, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        change(node);
        return node.ToJsonString();
    }
}
