using System.Net;

namespace PteroAot.Testing.Tests.Support;

/// <summary>Assertion helpers for the panel's error envelope.</summary>
internal static class Expect
{
    public static async Task ErrorAsync(HttpResponseMessage response, int status, string code, string? detail = null)
    {
        await Assert.That((int)response.StatusCode).IsEqualTo(status);
        await Assert.That(response.Content.Headers.ContentType?.MediaType).IsEqualTo("application/json");
        var body = await TestPanel.JsonAsync(response);
        var error = body.GetProperty("errors")[0];
        await Assert.That(error.GetProperty("code").GetString()).IsEqualTo(code);
        await Assert.That(error.GetProperty("status").GetString()).IsEqualTo(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (detail is not null)
        {
            await Assert.That(error.GetProperty("detail").GetString()).IsEqualTo(detail);
        }
    }

    /// <summary>Asserts a 422 with exactly these (source_field, rule) pairs, in order; returns the details.</summary>
    public static async Task<List<string>> ValidationAsync(HttpResponseMessage response, params (string Field, string Rule)[] expected)
    {
        await Assert.That(response.StatusCode).IsEqualTo(HttpStatusCode.UnprocessableEntity);
        var body = await TestPanel.JsonAsync(response);
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        var actual = errors.Select(e => (e.GetProperty("meta").GetProperty("source_field").GetString()!, e.GetProperty("meta").GetProperty("rule").GetString()!)).ToList();
        await Assert.That(string.Join(";", actual)).IsEqualTo(string.Join(";", expected));
        foreach (var e in errors)
        {
            await Assert.That(e.GetProperty("code").GetString()).IsEqualTo("ValidationException");
            await Assert.That(e.GetProperty("status").GetString()).IsEqualTo("422");
        }

        return errors.Select(e => e.GetProperty("detail").GetString()!).ToList();
    }
}
