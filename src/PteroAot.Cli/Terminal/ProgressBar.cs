using System.Diagnostics;
using System.Globalization;
using PteroAot.Transfers;

namespace PteroAot.Cli.Terminal;

/// <summary>A one-line transfer bar with rate and ETA on stderr; created only when stderr is a terminal.</summary>
internal sealed class ProgressBar : IProgress<TransferProgress>, IDisposable
{
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private long _lastDraw = -1000;
    private bool _drawn;

    private ProgressBar(string label) => _label = label;

    /// <summary>A bar for <paramref name="label"/>, or null when stderr is not a terminal or --quiet.</summary>
    public static ProgressBar? Create(string label, bool quiet) => quiet || !Term.StderrIsTerminal ? null : new ProgressBar(Term.Clean(label));

    public void Report(TransferProgress value)
    {
        lock (_gate)
        {
            var now = _clock.ElapsedMilliseconds;
            bool done = value.TotalBytes is { } t && value.BytesTransferred >= t;
            if (!done && now - _lastDraw < 100)
                return;
            _lastDraw = now;
            var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            var rate = value.BytesTransferred / seconds;
            string text;
            if (value.TotalBytes is { } total && total > 0)
            {
                var fraction = Math.Clamp((double)value.BytesTransferred / total, 0, 1);
                const int width = 24;
                int filled = (int)(fraction * width);
                var eta = rate > 0 ? Units.Duration(TimeSpan.FromSeconds((total - value.BytesTransferred) / rate)) : "?";
                text = $"{_label} [{new string('#', filled)}{new string('-', width - filled)}] {(fraction * 100).ToString("0", CultureInfo.InvariantCulture),3}% {Units.Bytes(value.BytesTransferred)}/{Units.Bytes(total)} {Units.Bytes((long)rate)}/s ETA {eta}";
            }
            else
            {
                text = $"{_label} {Units.Bytes(value.BytesTransferred)} {Units.Bytes((long)rate)}/s";
            }
            Console.Error.Write("\r" + text + "\e[K");
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn)
                Console.Error.WriteLine();
        }
    }
}
