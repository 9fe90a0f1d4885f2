using System.Text;

namespace IncidentPlatform.Testing.Otlp;

/// <summary>
/// Decodes an OTLP <c>ExportTraceServiceRequest</c> (opentelemetry-proto, <c>collector/trace/v1</c>): resource spans →
/// scope spans → spans, with the field numbers of <c>trace/v1/trace.proto</c> and <c>common/v1/common.proto</c>.
/// </summary>
internal static class OtlpTraceDecoder
{
    public static List<OtlpSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtobufReader(request);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == 2)
            {
                ReadResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    // ResourceSpans: 1 resource, 2 scope_spans.
    private static void ReadResourceSpans(ReadOnlySpan<byte> message, List<OtlpSpan> spans)
    {
        var service = "";
        var scopes = new List<byte[]>();
        var reader = new ProtobufReader(message);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    service = Attributes(reader.ReadBytes(), attributesField: 1).GetValueOrDefault("service.name", "");
                    break;
                case (2, 2):
                    scopes.Add(reader.ReadBytes().ToArray());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        foreach (var scope in scopes)
        {
            ReadScopeSpans(scope, service, spans);
        }
    }

    // ScopeSpans: 1 scope (InstrumentationScope: 1 name), 2 spans.
    private static void ReadScopeSpans(ReadOnlySpan<byte> message, string service, List<OtlpSpan> spans)
    {
        var scope = "";
        var raw = new List<byte[]>();
        var reader = new ProtobufReader(message);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    scope = Text(reader.ReadBytes(), wantedField: 1);
                    break;
                case (2, 2):
                    raw.Add(reader.ReadBytes().ToArray());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        spans.AddRange(raw.Select(span => ReadSpan(span, service, scope)));
    }

    // Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 9 attributes.
    private static OtlpSpan ReadSpan(ReadOnlySpan<byte> message, string service, string scope)
    {
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        var reader = new ProtobufReader(message);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    traceId = Convert.ToHexStringLower(reader.ReadBytes());
                    break;
                case (2, 2):
                    spanId = Convert.ToHexStringLower(reader.ReadBytes());
                    break;
                case (4, 2):
                    var bytes = reader.ReadBytes();
                    parent = bytes.IsEmpty ? null : Convert.ToHexStringLower(bytes);
                    break;
                case (5, 2):
                    name = Encoding.UTF8.GetString(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new OtlpSpan(service, scope, name, traceId, spanId, parent, Attributes(message, attributesField: 9));
    }

    // The repeated KeyValue field of a message (KeyValue: 1 key, 2 value; AnyValue: 1 string, 2 bool, 3 int, 4 double).
    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> message, int attributesField)
    {
        var attributes = new Dictionary<string, string>();
        var reader = new ProtobufReader(message);
        while (reader.Next(out var field, out var wire))
        {
            if (field != attributesField || wire != 2)
            {
                reader.Skip(wire);
                continue;
            }

            var pair = new ProtobufReader(reader.ReadBytes());
            string key = "", value = "";
            while (pair.Next(out var pairField, out var pairWire))
            {
                switch (pairField, pairWire)
                {
                    case (1, 2):
                        key = Encoding.UTF8.GetString(pair.ReadBytes());
                        break;
                    case (2, 2):
                        value = AnyValue(pair.ReadBytes());
                        break;
                    default:
                        pair.Skip(pairWire);
                        break;
                }
            }

            attributes[key] = value;
        }

        return attributes;
    }

    private static string AnyValue(ReadOnlySpan<byte> message)
    {
        var reader = new ProtobufReader(message);
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, 2):
                    return Encoding.UTF8.GetString(reader.ReadBytes());
                case (2, 0):
                    return reader.ReadVarint() != 0 ? "true" : "false";
                case (3, 0):
                    return ((long)reader.ReadVarint()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return "";
    }

    private static string Text(ReadOnlySpan<byte> message, int wantedField)
    {
        var reader = new ProtobufReader(message);
        while (reader.Next(out var field, out var wire))
        {
            if (field == wantedField && wire == 2)
            {
                return Encoding.UTF8.GetString(reader.ReadBytes());
            }

            reader.Skip(wire);
        }

        return "";
    }
}
