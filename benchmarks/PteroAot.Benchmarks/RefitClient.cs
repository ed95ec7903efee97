using System.Net;
using System.Text.Json;
using Refit;
using PteroAot.Account;
using PteroAot.Servers;

namespace PteroAot.Benchmarks;

/// <summary>The same calls declared for Refit (its source generator builds the implementation).</summary>
[Headers("Authorization: Bearer", "Accept: application/json", "User-Agent: PteroAot/" + PteroAot.Http.PteroConnection.SdkVersion)]
public interface IRefitPanel
{
    [Get("/api/client/account")]
    Task<FloorItem<AccountDetails>> GetAccountAsync();

    [Get("/api/client/servers/{server}")]
    Task<FloorItem<Server, ServerMeta>> GetServerAsync(string server, [Query] string include);

    [Get("/api/client")]
    Task<FloorList<Server>> ListServersAsync([AliasAs("page")] int page, [AliasAs("per_page")] int perPage);

    [Post("/api/client/account/api-keys")]
    Task<FloorItem<ApiKey, ApiKeySecret>> CreateApiKeyAsync([Body] CreateApiKeyRequest request);
}

internal static class RefitPanel
{
    /// <summary>Refit over <paramref name="handler"/> with System.Text.Json on the source-generated floor context.</summary>
    public static IRefitPanel Create(HttpMessageHandler handler, string baseUrl = HandWritten.Panel, string key = HandWritten.Key)
    {
        var options = FloorJson.Options;
        var settings = new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(options),
            AuthorizationHeaderValueGetter = (_, _) => new ValueTask<string>(key),
        };
        return RestService.For<IRefitPanel>(new HttpClient(handler) { BaseAddress = new Uri(baseUrl) }, settings);
    }

    /// <summary>Refit throws <see cref="ApiException"/>; a Refit user maps its body to the panel's error the same way.</summary>
    public static async Task<T> MapErrorsAsync<T>(Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            var envelope = e.Content is null ? null : JsonSerializer.Deserialize(e.Content, FloorJson.Errors);
            throw HandWritten.Error(e.StatusCode, e.HttpMethod.Method, e.Uri?.AbsolutePath ?? "", envelope);
        }
    }
}
