namespace IncidentPlatform.Detector.LogTemplates;

/// <summary>
/// The masked tokens of one line, written into buffers that are reused from line to line so that tokenizing allocates
/// nothing in the steady state. Each token is a span of one shared character buffer, with its <see cref="TokenTraits"/>.
/// </summary>
internal sealed class MaskedLine
{
    private char[] _text = new char[512];
    private Token[] _tokens = new Token[64];
    private int _length;
    private int _tokenStart = -1;
    private int _rawStart;

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _text.AsSpan(_tokens[index].Start, _tokens[index].Length);

    public TokenTraits Traits(int index) => _tokens[index].Traits;

    /// <summary>Where the token's text stood in the line before masking (start, length).</summary>
    public (int Start, int Length) RawRange(int index) => (_tokens[index].RawStart, _tokens[index].RawLength);

    public void Clear()
    {
        _length = 0;
        Count = 0;
        _tokenStart = -1;
    }

    public void BeginToken(int rawStart)
    {
        _tokenStart = _length;
        _rawStart = rawStart;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        EnsureText(chars.Length);
        chars.CopyTo(_text.AsSpan(_length));
        _length += chars.Length;
    }

    public void Append(char c)
    {
        EnsureText(1);
        _text[_length++] = c;
    }

    public void EndToken(int rawEnd)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        var length = _length - _tokenStart;
        var traits = TokenTraits.Of(_text.AsSpan(_tokenStart, length));
        _tokens[Count++] = new Token(_tokenStart, length, _rawStart, rawEnd - _rawStart, traits);
        _tokenStart = -1;
    }

    /// <summary>The tokens joined by single spaces.</summary>
    public override string ToString() => string.Join(' ', Enumerable.Range(0, Count).Select(i => this[i].ToString()));

    private void EnsureText(int extra)
    {
        if (_length + extra > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + extra));
        }
    }

    private readonly record struct Token(int Start, int Length, int RawStart, int RawLength, TokenTraits Traits);
}
