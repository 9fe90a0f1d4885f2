using System.Text;

namespace IncidentPlatform.Testing.Loghub;

/// <summary>
/// A small RFC 4180 reader: fields separated by commas, optionally quoted with '"', a doubled quote inside quotes is a
/// quote, and quoted fields may hold commas and line breaks.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<string[]> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append((char)c);
                }
                else if (reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields.ToArray();
                    fields.Clear();
                    any = false;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException("The CSV ends inside a quoted field.");
        }

        if (any)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }

    /// <summary>The values of the named columns of every record after the header.</summary>
    public static IEnumerable<string[]> ReadColumns(TextReader reader, params string[] columns)
    {
        using var records = ReadRecords(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            throw new InvalidDataException("The CSV has no header.");
        }

        var header = records.Current;
        var indexes = columns.Select(name => Array.IndexOf(header, name) is var i and >= 0
            ? i
            : throw new InvalidDataException($"The CSV has no column '{name}' (it has {string.Join(", ", header)}).")).ToArray();
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record is [""])
            {
                continue; // a blank line
            }

            yield return indexes.Select(i => i < record.Length
                ? record[i]
                : throw new InvalidDataException($"A record has {record.Length} fields; the header has {header.Length}.")).ToArray();
        }
    }
}
