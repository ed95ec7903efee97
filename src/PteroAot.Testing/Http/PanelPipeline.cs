using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace PteroAot.Testing.Http;

/// <summary>
/// The whole request pipeline: record, faults, routing (404/405), then the panel's API middleware in
/// the panel's order (auth → JSON validity → IP allow-list → key type → throttle) and the handler.
/// </summary>
internal sealed class PanelPipeline(FakePanel panel, Router router, DaemonRouter daemon, RateLimiter limiter)
{
    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/daemon", StringComparison.Ordinal))
        {
            await HandleDaemonAsync(context).ConfigureAwait(false);
            return;
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var recorded = new RecordedRequest(
            request.Method,
            request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
            RedactedHeaders(request),
            body,
            panel.State.Now);
        // Set before the headers go out, so a test that has the response already sees the status.
        context.Response.OnStarting(() =>
        {
            recorded.Status = context.Response.StatusCode;
            return Task.CompletedTask;
        });
        panel.Record(recorded);

        var fault = panel.Faults.TryTake(request.Path.Value ?? "/");
        if (fault is not null && fault.Kind != FaultKind.TruncatedJson)
        {
            await WriteFaultAsync(context, fault).ConfigureAwait(false);
            return;
        }

        if (fault is null)
        {
            await RunAsync(context, body).ConfigureAwait(false);
            return;
        }

        // TruncatedJson: run the real handler into a buffer, then send half of it.
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await RunAsync(context, body).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        var full = buffer.ToArray();
        if (full.Length == 0)
        {
            full = "{\"object\":\"list\",\"data\":[]}"u8.ToArray();
        }

        var cut = full.AsMemory(0, Math.Max(1, full.Length / 2));
        if (context.Response.StatusCode == StatusCodes.Status204NoContent)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = cut.Length;
        await original.WriteAsync(cut, context.RequestAborted).ConfigureAwait(false);
    }

    // Daemon (Wings-like) endpoints: recorded without their body, which the handler streams.
    private async Task HandleDaemonAsync(HttpContext context)
    {
        var request = context.Request;
        var recorded = new RecordedRequest(request.Method, request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
            RedactedHeaders(request), "", panel.State.Now);
        context.Response.OnStarting(() =>
        {
            recorded.Status = context.Response.StatusCode;
            return Task.CompletedTask;
        });
        panel.Record(recorded);

        var fault = panel.Faults.TryTake(request.Path.Value ?? "/");
        if (fault is not null && fault.Kind != FaultKind.TruncatedJson)
        {
            await WriteFaultAsync(context, fault).ConfigureAwait(false);
            return;
        }

        var (handler, values) = daemon.Match(request.Method, request.Path.Value ?? "/");
        var daemonRequest = new DaemonRequest(context, panel, values);
        if (handler is null)
        {
            await daemonRequest.Error(404, "The requested resource does not exist.").ConfigureAwait(false);
            return;
        }

        await handler(daemonRequest).ConfigureAwait(false);
    }

    private async Task RunAsync(HttpContext context, string body)
    {
        try
        {
            await DispatchAsync(context, body).ConfigureAwait(false);
        }
        catch (PanelException error)
        {
            await ErrorResponses.WriteAsync(context, error, panel.BaseUrl).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(HttpContext context, string body)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (!path.StartsWith("/api/", StringComparison.Ordinal))
        {
            if (path == "/auth/login" && HttpMethods.IsGet(request.Method))
            {
                await ErrorResponses.WriteHtmlAsync(context, 200, "Pterodactyl", "Login").ConfigureAwait(false);
                return;
            }

            throw RouteNotFound(path);
        }

        var (route, values, allowed) = router.Match(request.Method, path);
        if (route is null)
        {
            if (allowed.Count == 0)
            {
                throw RouteNotFound(path);
            }

            throw new PanelException(405, "MethodNotAllowedHttpException",
                $"The {request.Method} method is not supported for route {path.Trim('/')}. Supported methods: {string.Join(", ", allowed)}.");
        }

        // auth:sanctum
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : "";
        var key = panel.State.Authenticate(token)
            ?? throw new PanelException(401, "AuthenticationException", "Unauthenticated.");
        var user = key.Owner;

        // IsValidJson
        var input = ParseInput(request, body);

        // TrackAPIKey
        lock (panel.State.Gate)
        {
            key.LastUsedAt = panel.State.Now;
        }

        // AuthenticateIPAccess
        var ip = context.Connection.RemoteIpAddress is { } remote
            ? (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
            : IPAddress.Loopback;
        if (key.AllowedIps.Count > 0 && !key.AllowedIps.Any(range => IpRanges.Contains(range, ip)))
        {
            panel.State.RecordActivity(user, "auth:ip-blocked", user, ip.ToString(), isApi: true,
                new Dictionary<string, string> { ["identifier"] = key.Identifier });
            throw new PanelException(403, "AccessDeniedHttpException",
                $"This IP address ({ip}) does not have permission to access the API using these credentials.");
        }

        if (route.Area == ApiArea.Client)
        {
            // RequireClientApiKey
            if (key.Type == ApiKeyType.Application)
            {
                throw new PanelException(403, "AccessDeniedHttpException",
                    "You are attempting to use an application API key on an endpoint that requires a client API key.");
            }

            limiter.Hit(context.Response, user.Uuid, "client", panel.Options.ClientRateLimitPerMinute);
        }
        else
        {
            // AuthenticateApplicationUser
            if (!user.Admin)
            {
                throw new PanelException(403, "AccessDeniedHttpException", "This account does not have permission to access the API.");
            }

            limiter.Hit(context.Response, user.Uuid, "application", panel.Options.ApplicationRateLimitPerMinute);
        }

        context.Items["RawBody"] = body; // raw-body routes (files/write) read it here
        await route.Handler(new ApiRequest(context, panel, user, key, input, values, ip.ToString())).ConfigureAwait(false);
    }

    private static PanelException RouteNotFound(string path) =>
        new(404, "NotFoundHttpException", $"The route {path.Trim('/')} could not be found.");

    private static RequestInput ParseInput(HttpRequest request, string body)
    {
        var contentType = request.ContentType ?? "";
        if (contentType.Contains("/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase))
        {
            if (body.Length == 0)
            {
                return RequestInput.Empty;
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                return RequestInput.FromJson(document.RootElement.Clone());
            }
            catch (JsonException)
            {
                throw PanelException.BadRequest("The JSON data passed in the request appears to be malformed: Syntax error");
            }
        }

        if (contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var form = QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
            return RequestInput.FromForm(form);
        }

        return RequestInput.Empty;
    }

    private static Dictionary<string, string> RedactedHeaders(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            var text = value.ToString();
            if (string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                var scheme = space >= 0 ? text[..(space + 1)] : "";
                var secret = space >= 0 ? text[(space + 1)..] : text;
                text = scheme + secret[..Math.Min(16, secret.Length)];
            }

            headers[name] = text;
        }

        return headers;
    }

    private async Task WriteFaultAsync(HttpContext context, FaultSpec fault)
    {
        switch (fault.Kind)
        {
            case FaultKind.Html200:
                await ErrorResponses.WriteHtmlAsync(context, 200, "Sign in", "Please sign in to continue.").ConfigureAwait(false);
                break;
            case FaultKind.Html500:
                await ErrorResponses.WriteHtmlAsync(context, 500, "Server Error", "500 | Server Error").ConfigureAwait(false);
                break;
            case FaultKind.EmptyBody:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                context.Response.ContentLength = 0;
                break;
            case FaultKind.WrongShape:
                await JsonOut.WriteAsync(context, 200, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("foo", 1);
                    w.WriteEndObject();
                }).ConfigureAwait(false);
                break;
            case FaultKind.DropConnection:
                context.Abort();
                break;
            default:
                if (fault.RetryAfterSeconds is { } retry)
                {
                    context.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await JsonOut.WriteAsync(context, fault.StatusCode, w => JsonOut.WriteErrors(w,
                    [new PanelErrorEntry("HttpException", fault.StatusCode, ErrorResponses.ReasonPhrase(fault.StatusCode))])).ConfigureAwait(false);
                break;
        }
    }
}
