using System.Buffers;
using System.Net;

namespace PteroAot.Transfers;

/// <summary>
/// An <see cref="HttpContent"/> that copies a stream to the request in fixed-size chunks, reporting progress after
/// each: the source is never buffered whole. The length is known (and sent) when the stream can seek.
/// </summary>
public sealed class ProgressStreamContent : HttpContent
{
    private const int ChunkSize = 81920;
    private readonly Stream _source;
    private readonly long _start;
    private readonly long? _length;
    private readonly IProgress<TransferProgress>? _progress;
    private readonly CancellationToken _cancellationToken;

    /// <summary>Wraps <paramref name="source"/> from its current position; it is left open.</summary>
    /// <param name="source">The content.</param>
    /// <param name="progress">Receives progress after each chunk.</param>
    /// <param name="cancellationToken">Cancels the copy (also honoured when HttpClient passes its own token).</param>
    public ProgressStreamContent(Stream source, IProgress<TransferProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _progress = progress;
        _cancellationToken = cancellationToken;
        if (source.CanSeek)
        {
            _start = source.Position;
            _length = source.Length - _start;
        }
    }

    /// <summary>The number of bytes sent so far by the last copy.</summary>
    public long BytesSent { get; private set; }

    /// <inheritdoc/>
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc/>
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cancellationToken);
        var token = linked.Token;
        if (_source.CanSeek && _source.Position != _start)
            _source.Position = _start; // a resend (redirect, retry) starts over
        BytesSent = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                int read = await _source.ReadAsync(buffer.AsMemory(0, ChunkSize), token).ConfigureAwait(false);
                if (read == 0)
                    break;
                await stream.WriteAsync(buffer.AsMemory(0, read), token).ConfigureAwait(false);
                BytesSent += read;
                _progress?.Report(new TransferProgress(BytesSent, _length));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc/>
    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
