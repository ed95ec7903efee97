using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace PteroAot.Http;

// One send-and-read method per response shape. Generated endpoints build their request and return one of these
// instead of being async themselves: an async method costs its own state machine in the native binary (about 3 KB
// each), while these are shared by every endpoint (generic over reference types, so compiled once). They read the
// body (non-generic, async) and parse it (generic, synchronous) themselves rather than awaiting PteroResponse's
// Read*Async: one state machine per response type instead of two.
public sealed partial class PteroConnection
{
    /// <summary>
    /// Sends <paramref name="request"/> (disposed when the call ends) and completes once the panel answered a success;
    /// the body, if any, is drained and ignored.
    /// </summary>
    public async Task SendForNothingAsync(HttpRequestMessage request, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            await PteroResponse.ReadNothingAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends <paramref name="request"/> (disposed when the call ends) and reads a raw text body.</summary>
    public async Task<string> SendForTextAsync(HttpRequestMessage request, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            return await PteroResponse.ReadTextAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends <paramref name="request"/> (disposed when the call ends) and reads an item envelope's attributes.</summary>
    public async Task<T> SendForAttributesAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            using var body = await PteroResponse.ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            return PteroResponse.ParseAttributes(body, typeInfo, endpoint);
        }
    }

    /// <summary>Sends <paramref name="request"/> (disposed when the call ends) and reads a <c>{"data": {...}}</c> wrapper.</summary>
    public async Task<T> SendForDataAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            using var body = await PteroResponse.ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            return PteroResponse.ParseData(body, typeInfo, endpoint);
        }
    }

    /// <summary>Sends <paramref name="request"/> (disposed when the call ends) and reads a body that is the value itself.</summary>
    public async Task<T> SendForJsonAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            using var body = await PteroResponse.ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            return PteroResponse.ParseJson(body, typeInfo, endpoint);
        }
    }

    /// <summary>Sends <paramref name="request"/> (disposed when the call ends) and reads an item envelope with its <c>meta</c>.</summary>
    public async Task<Resource<T, TMeta>> SendForResourceAsync<T, TMeta>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, JsonTypeInfo<TMeta> metaInfo,
        EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            using var body = await PteroResponse.ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            return PteroResponse.ParseResource(body, typeInfo, metaInfo, endpoint);
        }
    }

    /// <summary>Sends <paramref name="request"/> (disposed when the call ends) and reads one page of a list.</summary>
    public async Task<ResourceList<T>> SendForListAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            using var body = await PteroResponse.ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            return PteroResponse.ParseList(body, typeInfo, endpoint);
        }
    }

    /// <summary>Sends <paramref name="request"/> (disposed when the call ends) and reads one page of a list whose <c>meta</c> has more than pagination.</summary>
    public async Task<ResourceList<T, TMeta>> SendForListAsync<T, TMeta>(HttpRequestMessage request, JsonTypeInfo<T> typeInfo, JsonTypeInfo<TMeta> metaInfo,
        EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess();
            using var body = await PteroResponse.ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false);
            return PteroResponse.ParseList(body, typeInfo, metaInfo, endpoint);
        }
    }

    /// <summary>
    /// Walks every page of a list, one request at a time, yielding the items as each page arrives (no page is kept).
    /// The walk ends on the last page, on an unpaginated answer, or on an empty page.
    /// </summary>
    /// <param name="pageRequest">Builds the request for a 1-based page number; each request is disposed after its page is read.</param>
    /// <param name="typeInfo">The items' JSON metadata.</param>
    /// <param name="endpoint">What the call is, for error messages.</param>
    /// <param name="cancellationToken">Cancels the walk (combined with the enumerator's token).</param>
    public async IAsyncEnumerable<T> WalkAsync<T>(Func<int, HttpRequestMessage> pageRequest, JsonTypeInfo<T> typeInfo, EndpointInfo endpoint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageRequest);
        for (int page = 1; ; page++)
        {
            ResourceList<T> list;
            using (var request = pageRequest(page))
            using (var response = (await ExchangeAsync(request, endpoint, cancellationToken).ConfigureAwait(false)).EnsureSuccess())
            using (var body = await PteroResponse.ReadJsonBodyAsync(response, endpoint, cancellationToken).ConfigureAwait(false))
                list = PteroResponse.ParseList(body, typeInfo, endpoint);
            foreach (var item in list.Items)
                yield return item;
            if (list.Pagination is not { } pagination || pagination.CurrentPage >= pagination.TotalPages || list.Items.Count == 0)
                yield break;
        }
    }
}
