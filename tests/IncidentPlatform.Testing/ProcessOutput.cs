using System.Diagnostics;

namespace IncidentPlatform.Testing;

/// <summary>The last lines a child process wrote (stdout and stderr), kept for failure messages.</summary>
internal sealed class ProcessOutput
{
    private const int MaxLines = 200;
    private readonly Queue<string> _lines = new();

    /// <summary>Starts collecting <paramref name="process"/>'s output; returns it.</summary>
    public Process Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
