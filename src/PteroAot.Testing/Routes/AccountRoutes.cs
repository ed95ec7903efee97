using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/api/client/account</c>: details, e-mail and password.</summary>
internal static class AccountRoutes
{
    private const string Base = "/api/client/account";

    /// <summary>Maps every account-area route (this file plus the other <c>Account*Routes</c>).</summary>
    public static void Map(Router router, PanelVersion version)
    {
        router.Map("GET", Base, ApiArea.Client, GetAccount);
        router.Map("PUT", Base + "/email", ApiArea.Client, UpdateEmail);
        router.Map("PUT", Base + "/password", ApiArea.Client, UpdatePassword);
        AccountTwoFactorRoutes.Map(router, version);
        AccountActivityRoutes.Map(router);
        AccountApiKeyRoutes.Map(router);
        AccountSshKeyRoutes.Map(router);
    }

    private static Task GetAccount(ApiRequest r) => r.Json(200, w => ClientTransformers.Account(w, r.User));

    private static Task UpdateEmail(ApiRequest r)
    {
        // UpdateEmailRequest::authorize() checks the password before validation.
        if (!r.User.CheckPassword(r.Input.GetString("password")))
        {
            throw PanelException.InvalidPassword();
        }

        var v = new Validation();
        var email = v.RequiredString(r.Input, "email");
        if (email is not null)
        {
            if (!LooksLikeEmail(email))
            {
                v.Add("email", "email", "The email must be a valid email address.");
            }

            if (email.Length > 191)
            {
                v.Add("email", "between", "The email must be between 1 and 191 characters.");
            }

            var owner = r.State.FindUserByEmail(email);
            if (owner is not null && owner.Id != r.User.Id)
            {
                v.Add("email", "unique", "The email has already been taken.");
            }
        }

        v.ThrowIfFailed();
        string original;
        lock (r.State.Gate)
        {
            original = r.User.Email;
            r.User.Email = email!;
        }

        if (!string.Equals(original, email, StringComparison.Ordinal))
        {
            r.Activity("user:account.email-changed", new() { ["old"] = original, ["new"] = email! });
        }

        return r.NoContent();
    }

    private static Task UpdatePassword(ApiRequest r)
    {
        if (!r.User.CheckPassword(r.Input.GetString("current_password")))
        {
            throw PanelException.InvalidPassword();
        }

        var v = new Validation();
        var password = v.RequiredString(r.Input, "password");
        if (password is not null)
        {
            if (!string.Equals(password, r.Input.GetString("password_confirmation"), StringComparison.Ordinal))
            {
                v.Add("password", "confirmed", "The password confirmation does not match.");
            }

            if (password.Length < 8)
            {
                v.Add("password", "min", "The password must be at least 8 characters.");
            }
        }

        v.ThrowIfFailed();
        lock (r.State.Gate)
        {
            r.User.SetPassword(password!);
        }

        r.Activity("user:account.password-changed");
        return r.NoContent();
    }

    /// <summary>An approximation of Laravel's <c>email</c> rule (RFC validation).</summary>
    internal static bool LooksLikeEmail(string value)
    {
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || value.Any(char.IsWhiteSpace) || value.Count(c => c == '@') != 1)
        {
            return false;
        }

        var domain = value[(at + 1)..];
        return !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }
}
