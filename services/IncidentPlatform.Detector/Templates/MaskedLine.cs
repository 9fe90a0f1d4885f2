namespace IncidentPlatform.Detector.Templates;

/// <summary>
/// The masked tokens of one line, written into buffers that are reused from line to line so that tokenizing allocates
/// nothing in the steady state. A token is a span of <see cref="Text"/>; it is <em>variable</em> when it holds a
/// placeholder or a digit (such tokens do not route through the parse tree, see <see cref="ParseTree"/>).
/// </summary>
internal sealed class MaskedLine
{
    private char[] _text = new char[512];
    private Token[] _tokens = new Token[64];
    private int _length;
    private int _tokenStart = -1;
    private bool _tokenVariable;

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _text.AsSpan(_tokens[index].Start, _tokens[index].Length);

    public bool IsVariable(int index) => _tokens[index].Variable;

    /// <summary>True when the token is exactly one placeholder (a value with nothing around it).</summary>
    public bool IsPlaceholderOnly(int index) => _tokens[index].PlaceholderOnly;

    public void Clear()
    {
        _length = 0;
        Count = 0;
        _tokenStart = -1;
    }

    public void BeginToken()
    {
        _tokenStart = _length;
        _tokenVariable = false;
    }

    public void Append(ReadOnlySpan<char> chars)
    {
        EnsureText(chars.Length);
        chars.CopyTo(_text.AsSpan(_length));
        _length += chars.Length;
        if (!_tokenVariable && chars.ContainsAnyInRange('0', '9'))
        {
            _tokenVariable = true;
        }
    }

    public void Append(char c)
    {
        EnsureText(1);
        _text[_length++] = c;
        if (char.IsAsciiDigit(c))
        {
            _tokenVariable = true;
        }
    }

    public void AppendPlaceholder(string placeholder)
    {
        Append(placeholder.AsSpan());
        _tokenVariable = true;
    }

    public void EndToken()
    {
        if (_tokenStart < 0)
        {
            return;
        }

        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        var length = _length - _tokenStart;
        var text = _text.AsSpan(_tokenStart, length);
        var placeholderOnly = _tokenVariable && length > 2 && text[0] == '<' && text[^1] == '>' && text[1..^1].IndexOfAny('<', '>') < 0;
        _tokens[Count++] = new Token(_tokenStart, length, _tokenVariable, placeholderOnly);
        _tokenStart = -1;
    }

    /// <summary>The tokens joined by single spaces (for tests and for the first template of a new cluster).</summary>
    public override string ToString() => string.Join(' ', Enumerable.Range(0, Count).Select(i => this[i].ToString()));

    private void EnsureText(int extra)
    {
        if (_length + extra > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + extra));
        }
    }

    private readonly record struct Token(int Start, int Length, bool Variable, bool PlaceholderOnly);
}
