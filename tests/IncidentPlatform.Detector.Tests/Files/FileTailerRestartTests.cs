namespace IncidentPlatform.Detector.Tests.Files;

public sealed class FileTailerRestartTests
{
    [Fact]
    public async Task Poll_AfterRestart_ResumesAtTheStoredOffsetsWithoutRereadingOrSkipping()
    {
        await using var fixture = await TailFixture.CreateAsync();
        fixture.Append("app.log", "one\ntwo\nERROR three\n\tat x.y(Z.java:1)\nfour, half");
        var first = fixture.Tailer();
        (await fixture.PollAsync(first)).ShouldBe(["one", "two"]); // "ERROR three" may still get stack frames
        first.Dispose();

        fixture.Append("app.log", " written later\nfive\n");
        var restarted = fixture.Tailer();

        (await fixture.DrainAsync(restarted)).ShouldBe(["ERROR three\n\tat x.y(Z.java:1)", "four, half written later", "five"]);
    }

    [Fact]
    public async Task Poll_AfterRestart_StartAtEndDoesNotApplyToFilesWithStoredOffsets()
    {
        await using var fixture = await TailFixture.CreateAsync();
        fixture.Append("app.log", "old\n");
        var first = fixture.Tailer(configure: o => o.StartAt = Detector.Files.TailStart.End);
        (await fixture.DrainAsync(first)).ShouldBeEmpty();
        fixture.Append("app.log", "while running\n");
        (await fixture.DrainAsync(first)).ShouldBe(["while running"]);
        first.Dispose();

        fixture.Append("app.log", "while down\n");
        fixture.Append("other.log", "new file while down\n");
        var restarted = fixture.Tailer(configure: o => o.StartAt = Detector.Files.TailStart.End);

        (await fixture.DrainAsync(restarted)).ShouldBe(["while down", "new file while down"], ignoreOrder: true);
    }

    [Fact]
    public async Task Poll_AfterRestart_ReadsTheRestOfAFileRotatedWhileDown()
    {
        await using var fixture = await TailFixture.CreateAsync();
        fixture.Append("app.log", "one\n");
        var first = fixture.Tailer();
        (await fixture.DrainAsync(first)).ShouldBe(["one"]);
        first.Dispose();

        fixture.Append("app.log", "two, before the rotation\n");
        File.Move(fixture.PathOf("app.log"), fixture.PathOf("app.log.1"));
        fixture.Append("app.log", "three, in the new file\n");
        var restarted = fixture.Tailer();

        (await fixture.DrainAsync(restarted)).ShouldBe(["two, before the rotation", "three, in the new file"], ignoreOrder: true);
    }

    [Fact]
    public async Task Poll_AfterRestart_FileReplacedByOneWithOtherContent_IsReadFromTheStart()
    {
        await using var fixture = await TailFixture.CreateAsync();
        fixture.Append("app.log", "first file, first line\n");
        var first = fixture.Tailer();
        (await fixture.DrainAsync(first)).ShouldBe(["first file, first line"]);
        first.Dispose();

        // Truncated and rewritten past the stored offset while we were down: the stored head no longer matches.
        File.WriteAllText(fixture.PathOf("app.log"), "a different file altogether, longer than before\n");
        var restarted = fixture.Tailer();

        (await fixture.DrainAsync(restarted)).ShouldBe(["a different file altogether, longer than before"]);
    }
}
