using IncidentPlatform.Detector.Files;

namespace IncidentPlatform.Detector.Tests.Files;

public sealed class FileTailerTests
{
    [Fact]
    public async Task Poll_Glob_ReadsEveryMatchingFileAndNothingElse()
    {
        await using var fixture = await TailFixture.CreateAsync();
        Directory.CreateDirectory(fixture.PathOf("nested/deeper"));
        fixture.Append("a.log", "a1\n");
        fixture.Append("b.log", "b1\nb2\n");
        fixture.Append("notes.txt", "ignored\n");
        fixture.Append("nested/deeper/c.log", "c1\n");

        var flat = await fixture.DrainAsync(fixture.Tailer("*.log", name: "flat"));
        var deep = await fixture.DrainAsync(fixture.Tailer("**/*.log", name: "deep"));

        flat.ShouldBe(["a1", "b1", "b2"], ignoreOrder: true);
        deep.ShouldBe(["a1", "b1", "b2", "c1"], ignoreOrder: true);
    }

    [Fact]
    public async Task Poll_FileFoundAtFirstStartWithStartAtEnd_ReadsOnlyWhatIsAppended()
    {
        await using var fixture = await TailFixture.CreateAsync();
        fixture.Append("app.log", "old 1\nold 2\n");
        var tailer = fixture.Tailer(configure: o => o.StartAt = TailStart.End);

        (await fixture.DrainAsync(tailer)).ShouldBeEmpty();
        fixture.Append("app.log", "new 1\n");

        (await fixture.DrainAsync(tailer)).ShouldBe(["new 1"]);
    }

    [Fact]
    public async Task Poll_PartialLastLine_WaitsForItsNewline()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var tailer = fixture.Tailer();
        fixture.Append("app.log", "complete\nhalf a li");

        // "complete" may yet be continued by the line being written, so it waits too.
        (await fixture.DrainAsync(tailer)).ShouldBeEmpty();
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        (await fixture.DrainAsync(tailer)).ShouldBeEmpty();

        fixture.Append("app.log", "ne\r\n");
        (await fixture.DrainAsync(tailer)).ShouldBe(["complete", "half a line"]);
    }

    [Fact]
    public async Task Poll_StackTrace_IsJoinedToItsRecord()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var tailer = fixture.Tailer();
        fixture.Append("app.log",
            "2026-11-21T08:00:00Z ERROR [payments] charge failed\n" +
            "java.sql.SQLTransientConnectionException: Connection is not available\n" +
            "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)\n" +
            "Caused by: java.net.SocketTimeoutException: connect timed out\n" +
            "\t... 42 more\n" +
            "2026-11-21T08:00:01Z INFO [payments] next\n");

        var records = await fixture.DrainAsync(tailer);

        records.ShouldBe([
            "2026-11-21T08:00:00Z ERROR [payments] charge failed\n" +
            "java.sql.SQLTransientConnectionException: Connection is not available\n" +
            "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)\n" +
            "Caused by: java.net.SocketTimeoutException: connect timed out\n" +
            "\t... 42 more",
            "2026-11-21T08:00:01Z INFO [payments] next",
        ]);
    }

    [Theory]
    [InlineData("java.lang.OutOfMemoryError: Java heap space", true)]
    [InlineData("ValueError: invalid literal for int()", true)]
    [InlineData("org.example.BrokenThing$InnerException", true)]
    [InlineData("    File \"app.py\", line 3, in <module>", true)]
    [InlineData("2026-11-21T08:00:01Z INFO next", false)]
    [InlineData("Error: something at the start of a record", false)]
    [InlineData("ServerError happened while saving", false)]
    public void LooksLikeContinuation_DefaultRule(string line, bool continues) =>
        RecordAssembler.LooksLikeContinuation(line).ShouldBe(continues);

    [Fact]
    public async Task Poll_RecordStartPattern_JoinsEveryOtherLine()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var tailer = fixture.Tailer(configure: o => o.RecordStart = @"^\d{4}-\d{2}-\d{2}T");
        fixture.Append("app.log",
            "2026-11-21T08:00:00Z ERROR [payments] charge failed\n" +
            "java.sql.SQLTransientConnectionException: Connection is not available\n" +
            "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)\n" +
            "2026-11-21T08:00:01Z INFO [payments] next\n");

        var records = await fixture.PollAsync(tailer);

        records.ShouldBe([
            "2026-11-21T08:00:00Z ERROR [payments] charge failed\n" +
            "java.sql.SQLTransientConnectionException: Connection is not available\n" +
            "\tat com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:197)",
        ]);
    }

    [Fact]
    public async Task Poll_StackTraceStillBeingWritten_WaitsForTheNextRecordOrTheFlushDelay()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var tailer = fixture.Tailer();
        fixture.Append("app.log", "ERROR failed\n\tat a.b(C.java:1)\n");

        (await fixture.PollAsync(tailer)).ShouldBeEmpty();
        fixture.Append("app.log", "\tat d.e(F.java:2)\n");
        (await fixture.PollAsync(tailer)).ShouldBeEmpty();

        fixture.Clock.Advance(tailer.Options.FlushAfter);
        (await fixture.PollAsync(tailer)).ShouldBe(["ERROR failed\n\tat a.b(C.java:1)\n\tat d.e(F.java:2)"]);
    }

    [Fact]
    public async Task Poll_RotationByRename_ReadsTheOldFileToItsEndThenTheNewOne()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var tailer = fixture.Tailer();
        fixture.Append("app.log", "before 1\n");
        (await fixture.DrainAsync(tailer)).ShouldBe(["before 1"]);

        // The application still holds the old file open: it writes a last line after the rename, then reopens.
        await using (var writer = new FileStream(fixture.PathOf("app.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            File.Move(fixture.PathOf("app.log"), fixture.PathOf("app.log.1"));
            writer.Write("late into the old file\n"u8);
        }

        fixture.Append("app.log", "after 1\n");

        var records = await fixture.DrainAsync(tailer);
        records.ShouldBe(["late into the old file", "after 1"], ignoreOrder: true);
        tailer.Status.Files.Count.ShouldBe(2); // the old file is kept open for the grace period

        fixture.Clock.Advance(tailer.Options.RotationGrace);
        (await fixture.DrainAsync(tailer)).ShouldBeEmpty();
        tailer.Status.Files.ShouldBe([fixture.PathOf("app.log")]);
    }

    [Fact]
    public async Task Poll_CopyTruncate_ReadsTheFileAgainFromTheStart()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var tailer = fixture.Tailer();
        fixture.Append("app.log", "one\ntwo\nthree\n");
        (await fixture.DrainAsync(tailer)).ShouldBe(["one", "two", "three"]);

        File.Copy(fixture.PathOf("app.log"), fixture.PathOf("app.log.1"));
        await using (var truncate = new FileStream(fixture.PathOf("app.log"), FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            truncate.SetLength(0);
        }

        fixture.Append("app.log", "four\n");

        (await fixture.DrainAsync(tailer)).ShouldBe(["four"]);
    }

    [Fact]
    public async Task Poll_ServicePattern_NamesTheServiceOfEachRecord()
    {
        await using var fixture = await TailFixture.CreateAsync();
        var tailer = fixture.Tailer(configure: o => o.ServicePattern = @"\[(?<service>[a-z-]+)\]");
        fixture.Append("app.log", "ERROR [payments] x\nINFO no service here\n");

        var batch = await tailer.PollAsync(default);
        fixture.Clock.Advance(tailer.Options.FlushAfter);
        var records = batch.Records.Concat((await tailer.PollAsync(default)).Records).ToList();

        records.Select(r => r.Service).ShouldBe(["payments", "app"]);
    }
}
