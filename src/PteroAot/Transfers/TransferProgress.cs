namespace PteroAot.Transfers;

/// <summary>Progress of a download or upload.</summary>
/// <param name="BytesTransferred">Bytes moved so far.</param>
/// <param name="TotalBytes">The full size when known (a <c>Content-Length</c> or the source stream's length).</param>
public readonly record struct TransferProgress(long BytesTransferred, long? TotalBytes)
{
    /// <summary>The fraction done, 0 to 1, when the total is known.</summary>
    public double? Fraction => TotalBytes is { } total && total > 0 ? (double)BytesTransferred / total : null;
}
