using System.Security.Cryptography;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/api/client/account/two-factor</c>: setup, enable, disable (per panel version).</summary>
internal static class AccountTwoFactorRoutes
{
    private const string Base = "/api/client/account/two-factor";

    public static void Map(Router router, PanelVersion version)
    {
        router.Map("GET", Base, ApiArea.Client, Setup);
        router.Map("POST", Base, ApiArea.Client, Enable);
        if (version >= PanelVersion.V1_11_8)
        {
            router.Map("POST", Base + "/disable", ApiArea.Client, Disable);
        }
        else
        {
            router.Map("DELETE", Base, ApiArea.Client, Disable);
        }
    }

    private static Task Setup(ApiRequest r)
    {
        string secret;
        lock (r.State.Gate)
        {
            if (r.User.TwoFactorEnabled)
            {
                throw PanelException.BadRequest("Two-factor authentication is already enabled on this account.");
            }

            // 20 random bytes = a 32-character base32 secret, as the panel generates.
            secret = Totp.Base32Encode(RandomNumberGenerator.GetBytes(20));
            r.User.TotpSecret = secret;
        }

        var url = $"otpauth://totp/{Uri.EscapeDataString("Pterodactyl")}:{Uri.EscapeDataString(r.User.Email)}?secret={Uri.EscapeDataString(secret)}&issuer={Uri.EscapeDataString("Pterodactyl")}";
        return r.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("image_url_data", url);
            w.WriteString("secret", secret);
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static Task Enable(ApiRequest r)
    {
        var v = new Validation();
        var code = v.RequiredString(r.Input, "code");
        if (code is not null && code.Length != 6)
        {
            v.Add("code", "size", "The code must be 6 characters.");
        }

        var password = v.RequiredString(r.Input, "password");
        v.ThrowIfFailed();

        if (!r.User.CheckPassword(password))
        {
            throw PanelException.BadRequest("The password provided was not valid.");
        }

        string[] tokens;
        lock (r.State.Gate)
        {
            var secret = r.User.TotpSecret;
            if (secret is null || !Totp.Verify(secret, code!, r.Now))
            {
                throw new PanelException(400, "TwoFactorAuthenticationTokenInvalid", "The provided two-factor authentication token was not valid.");
            }

            tokens = Enumerable.Range(0, 10).Select(_ => FakePanelState.RandomString(10)).ToArray();
            r.User.TwoFactorEnabled = true;
            r.User.RecoveryTokens = tokens;
        }

        r.Activity("user:two-factor.create");
        return r.Json(200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "recovery_tokens");
            w.WriteStartObject("attributes");
            w.WriteStartArray("tokens");
            foreach (var t in tokens)
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static Task Disable(ApiRequest r)
    {
        // Not validated: compared with password_verify($request->input('password') ?? '').
        if (!r.User.CheckPassword(r.Input.GetString("password") ?? ""))
        {
            throw PanelException.BadRequest("The password provided was not valid.");
        }

        lock (r.State.Gate)
        {
            r.User.TwoFactorEnabled = false;
            r.User.RecoveryTokens = [];
        }

        r.Activity("user:two-factor.delete");
        return r.NoContent();
    }
}
