using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PteroAot.Testing.Http;

/// <summary>An authenticated API request after the panel's middleware ran.</summary>
internal sealed class ApiRequest(
    HttpContext context,
    FakePanel panel,
    FakeUser user,
    FakeApiKey key,
    RequestInput input,
    IReadOnlyDictionary<string, string> routeValues,
    string ip)
{
    public HttpContext Context => context;

    public FakePanel Panel => panel;

    public FakePanelState State => panel.State;

    public FakeUser User => user;

    public FakeApiKey Key => key;

    public RequestInput Input => input;

    public IReadOnlyDictionary<string, string> RouteValues => routeValues;

    public string Ip => ip;

    public DateTimeOffset Now => panel.State.Now;

    public Task Json(int status, Action<Utf8JsonWriter> body) => JsonOut.WriteAsync(context, status, body);

    public Task NoContent() => JsonOut.NoContentAsync(context);

    /// <summary>Logs an activity entry with the current user as actor and subject.</summary>
    public void Activity(string eventName, Dictionary<string, string>? properties = null) =>
        panel.State.RecordActivity(user, eventName, user, ip, isApi: true, properties);
}
