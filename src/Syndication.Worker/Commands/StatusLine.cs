namespace Syndication.Worker.Commands;

/// <summary>
/// A line of progress at the bottom of an interactive terminal, redrawn in place; a log line written meanwhile clears
/// it first and draws it again after, so the two never share a line.
/// </summary>
/// <param name="writer">The terminal's standard error.</param>
/// <param name="enabled">Whether the line is drawn at all: only on an interactive terminal.</param>
public sealed class StatusLine(TextWriter writer, bool enabled)
{
    // Carriage return, then erase to the end of the line.
    private const string Clear = "\r\u001b[K";
    private readonly Lock _lock = new();
    private string? _text;

    /// <summary>Whether the line is drawn.</summary>
    public bool Enabled => enabled;

    /// <summary>Shows <paramref name="text"/> in place of the previous status.</summary>
    public void Show(string text)
    {
        if (!enabled)
        {
            return;
        }

        lock (_lock)
        {
            _text = text;
            writer.Write(Clear + text);
            writer.Flush();
        }
    }

    /// <summary>Removes the status line.</summary>
    public void Hide()
    {
        lock (_lock)
        {
            if (_text is not null)
            {
                writer.Write(Clear);
                writer.Flush();
                _text = null;
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> and a new line, above the status line if one is shown.</summary>
    public void WriteLine(string text)
    {
        lock (_lock)
        {
            if (_text is null)
            {
                writer.WriteLine(text);
            }
            else
            {
                writer.Write(Clear);
                writer.WriteLine(text);
                writer.Write(_text);
            }

            writer.Flush();
        }
    }
}
