using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace PteroAot.Testing.Http;

/// <summary>Renders errors the way the panel's exception handler does, JSON or not.</summary>
internal static class ErrorResponses
{
    /// <summary>
    /// Laravel's <c>expectsJson()</c>: an AJAX request accepting anything, or a first acceptable
    /// media type (by quality) containing <c>/json</c> or <c>+json</c>.
    /// </summary>
    public static bool WantsJson(HttpRequest request)
    {
        var accept = request.Headers.Accept.ToString();
        var types = accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((t, i) => (Type: t.Split(';')[0].Trim().ToLowerInvariant(), Q: Quality(t), Index: i))
            .OrderByDescending(t => t.Q).ThenBy(t => t.Index)
            .ToList();
        if (types.Count > 0 && (types[0].Type.Contains("/json", StringComparison.Ordinal) || types[0].Type.Contains("+json", StringComparison.Ordinal)))
        {
            return true;
        }

        var ajax = string.Equals(request.Headers["X-Requested-With"], "XMLHttpRequest", StringComparison.Ordinal);
        return ajax && (types.Count == 0 || types[0].Type is "*/*" or "*");
    }

    private static double Quality(string mediaRange)
    {
        foreach (var param in mediaRange.Split(';').Skip(1))
        {
            var kv = param.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && kv[0] == "q" && double.TryParse(kv[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
            {
                return q;
            }
        }

        return 1.0;
    }

    public static async Task WriteAsync(HttpContext context, PanelException error, string baseUrl)
    {
        var response = context.Response;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers[name] = value;
        }

        if (WantsJson(context.Request))
        {
            await JsonOut.WriteAsync(context, error.Status, w => JsonOut.WriteErrors(w, error.Entries)).ConfigureAwait(false);
            return;
        }

        if (error.Status == StatusCodes.Status401Unauthorized)
        {
            // redirect()->guest(route('auth.login'))
            response.StatusCode = StatusCodes.Status302Found;
            response.Headers.Location = baseUrl + "/auth/login";
            await WriteHtmlAsync(context, 302, "Redirecting", "Redirecting to " + baseUrl + "/auth/login").ConfigureAwait(false);
            return;
        }

        if (error.Status == StatusCodes.Status422UnprocessableEntity)
        {
            // A validation failure without JSON redirects back.
            var back = context.Request.Headers.Referer.ToString();
            response.StatusCode = StatusCodes.Status302Found;
            response.Headers.Location = string.IsNullOrEmpty(back) ? baseUrl + "/" : back;
            await WriteHtmlAsync(context, 302, "Redirecting", "Redirecting back").ConfigureAwait(false);
            return;
        }

        await WriteHtmlAsync(context, error.Status, ReasonPhrase(error.Status), error.Entries[0].Detail).ConfigureAwait(false);
    }

    public static string ReasonPhrase(int status) =>
        ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";

    public static async Task WriteHtmlAsync(HttpContext context, int status, string title, string message)
    {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(title) +
                   "</title></head>\n<body><div class=\"code\">" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                   "</div><div class=\"message\">" + WebUtility.HtmlEncode(message) + "</div></body>\n</html>\n";
        var bytes = Encoding.UTF8.GetBytes(html);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=UTF-8";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
