using IncidentPlatform.Testing.Loghub;

namespace IncidentPlatform.Detector.Tests.LogTemplates;

public sealed class CsvReaderTests
{
    [Fact]
    public void ReadRecords_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var csv = "a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n,,\n";

        var records = CsvReader.ReadRecords(new StringReader(csv)).ToList();

        records.Count.ShouldBe(3);
        records[1].ShouldBe(["1", "x, \"y\"", "two\nlines"]);
        records[2].ShouldBe(["", "", ""]);
    }

    [Fact]
    public void ReadColumns_NamedColumns_ReturnsTheirValuesInOrder()
    {
        var csv = "LineId,Content,EventId\n1,\"hello, world\",E1\n2,bye,E2";

        var rows = CsvReader.ReadColumns(new StringReader(csv), "Content", "EventId").ToList();

        rows.ShouldBe([["hello, world", "E1"], ["bye", "E2"]]);
    }

    [Fact]
    public void ReadColumns_MissingColumn_ThrowsNamingIt()
    {
        var error = Should.Throw<InvalidDataException>(() => CsvReader.ReadColumns(new StringReader("a,b\n1,2"), "Content").ToList());

        error.Message.ShouldContain("Content");
    }

    [Fact]
    public void ReadRecords_UnclosedQuote_Throws() =>
        Should.Throw<InvalidDataException>(() => CsvReader.ReadRecords(new StringReader("a,\"b\n")).ToList());
}
