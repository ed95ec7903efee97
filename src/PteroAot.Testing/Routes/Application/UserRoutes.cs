using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/users</c>: list, view, view by external id, create, update, delete.</summary>
internal static partial class ApplicationUserRoutes
{
    private const string UserIncludes = "servers";
    private static readonly string[] Filters = ["email", "uuid", "username", "external_id"];
    private static readonly string[] Sorts = ["id", "uuid"];

    // The languages the panel has installed (the `in:` rule of `language`).
    private static readonly string[] Languages = ["en"];

    // The panel's Username rule message, verbatim (its source wraps the string, so the newline and spaces are sent).
    private const string UsernameMessage =
        "The username must start and end with alpha-numeric characters and\n                contain only letters, numbers, dashes, underscores, and periods.";

    public static void Map(Router router)
    {
        router.Map("GET", "/api/application/users", ApiArea.Application, List);
        // Literal segment first: "/users/external/x" must not reach "/users/{user}".
        router.Map("GET", "/api/application/users/external/{external_id}", ApiArea.Application, GetByExternalId);
        router.Map("GET", "/api/application/users/{user}", ApiArea.Application, Get);
        router.Map("POST", "/api/application/users", ApiArea.Application, Create);
        router.Map("PATCH", "/api/application/users/{user}", ApiArea.Application, Update);
        router.Map("DELETE", "/api/application/users/{user}", ApiArea.Application, Delete);
    }

    private static Task List(ApiRequest r)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var filters = QueryString.Filters(query, Filters);
        var sorts = QueryString.Sort(query, Sorts);
        var includes = ApplicationTransformers.Includes(r, UserIncludes);

        IEnumerable<FakeUser> users = r.State.Users.OrderBy(u => u.Id);
        foreach (var (field, value) in filters)
        {
            users = users.Where(u => Partial(field switch
            {
                "email" => u.Email,
                "uuid" => u.Uuid.ToString(),
                "username" => u.Username,
                _ => u.ExternalId,
            }, value));
        }

        // OrderBy is stable, so applying the sorts last to first gives the multi-column order.
        for (var i = sorts.Count - 1; i >= 0; i--)
        {
            var (field, descending) = sorts[i];
            Func<FakeUser, string> key = field == "id" ? u => u.Id.ToString("D10", CultureInfo.InvariantCulture) : u => u.Uuid.ToString();
            users = descending ? users.OrderByDescending(key, StringComparer.Ordinal) : users.OrderBy(key, StringComparer.Ordinal);
        }

        return WritePage(r, query, users.ToList(), (w, u) => ApplicationTransformers.User(w, r.State, u, includes));
    }

    private static Task Get(ApiRequest r)
    {
        var user = FindUser(r);
        var includes = ApplicationTransformers.Includes(r, UserIncludes);
        return AreaJson.Locked(r, 200, w => ApplicationTransformers.User(w, r.State, user, includes));
    }

    private static Task GetByExternalId(ApiRequest r)
    {
        var externalId = r.RouteValues["external_id"];
        // MySQL's default collation compares case-insensitively.
        var user = r.State.Users.FirstOrDefault(u => string.Equals(u.ExternalId, externalId, StringComparison.OrdinalIgnoreCase))
            ?? throw PanelException.NotFound();
        var includes = ApplicationTransformers.Includes(r, UserIncludes);
        return AreaJson.Locked(r, 200, w => ApplicationTransformers.User(w, r.State, user, includes));
    }

    // StoreUserRequest, then UserCreationService (no password: a random one and a setup e-mail).
    private static Task Create(ApiRequest r)
    {
        var input = Validate(r, self: null);
        FakeUser user;
        lock (r.State.Gate)
        {
            user = r.State.CreateUser(input.Username, input.Email, input.Password ?? FakePanelState.RandomString(32), input.RootAdmin ?? false);
            user.FirstName = input.FirstName;
            user.LastName = input.LastName;
            user.ExternalId = input.ExternalId;
            user.Language = input.Language ?? "en";
            user.UpdatedAt = user.CreatedAt;
        }

        var url = r.Panel.BaseUrl + "/api/application/users/" + user.Id.ToString(CultureInfo.InvariantCulture);
        return AreaJson.Locked(r, 201, w => ApplicationTransformers.WithResource(w, url, w2 => ApplicationTransformers.User(w2, r.State, user, Empty)));
    }

    // UpdateUserRequest: the same rules with the unique checks ignoring this user. Not a partial update.
    private static Task Update(ApiRequest r)
    {
        var user = FindUser(r);
        var input = Validate(r, user);
        lock (r.State.Gate)
        {
            user.Email = input.Email;
            user.Username = input.Username;
            user.FirstName = input.FirstName;
            user.LastName = input.LastName;
            if (input.HasExternalId)
            {
                user.ExternalId = input.ExternalId;
            }

            if (input.Password is not null)
            {
                user.SetPassword(input.Password);
            }

            if (input.Language is not null)
            {
                user.Language = input.Language;
            }

            if (input.RootAdmin is { } admin)
            {
                user.Admin = admin;
            }

            user.UpdatedAt = r.Now;
        }

        return AreaJson.Locked(r, 200, w => ApplicationTransformers.User(w, r.State, user, Empty));
    }

    private static Task Delete(ApiRequest r)
    {
        var user = FindUser(r);
        lock (r.State.Gate)
        {
            if (r.State.Servers.Any(s => s.Owner.Id == user.Id))
            {
                throw new PanelException(400, "DisplayException",
                    "Cannot delete a user with active servers attached to their account. Please delete their servers before continuing.");
            }

            r.State.RemoveUser(user);
        }

        return r.NoContent();
    }

    private sealed record UserInput(string Email, string Username, string FirstName, string LastName, bool HasExternalId,
        string? ExternalId, string? Password, string? Language, bool? RootAdmin);

    private static UserInput Validate(ApiRequest r, FakeUser? self)
    {
        var input = r.Input;
        var v = new Validation();
        var others = r.State.Users.Where(u => self is null || u.Id != self.Id).ToList();

        var email = v.RequiredString(input, "email");
        if (email is not null)
        {
            if (!AccountRoutes.LooksLikeEmail(email))
            {
                v.Add("email", "email", "The email must be a valid email address.");
            }

            if (email.Length > 191)
            {
                v.Add("email", "between", "The email must be between 1 and 191 characters.");
            }

            if (others.Any(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)))
            {
                v.Add("email", "unique", "The email has already been taken.");
            }
        }

        var username = v.RequiredString(input, "username");
        if (username is not null)
        {
            if (username.Length > 191)
            {
                v.Add("username", "between", "The username must be between 1 and 191 characters.");
            }

            if (others.Any(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)))
            {
                v.Add("username", "unique", "The username has already been taken.");
            }

            if (!UsernamePattern().IsMatch(username))
            {
                v.Add("username", "p_username", UsernameMessage);
            }
        }

        var firstName = NameField(v, input, "first_name");
        var lastName = NameField(v, input, "last_name");

        var hasExternalId = AreaJson.Has(input, "external_id");
        string? externalId = null;
        if (input.IsPresentNotNull("external_id"))
        {
            externalId = input.GetString("external_id");
            if (externalId is null)
            {
                v.MustBeString("external_id");
            }
            else if (externalId.Length > 191)
            {
                v.Add("external_id", "max", "The external id may not be greater than 191 characters.");
            }
            else if (others.Any(u => string.Equals(u.ExternalId, externalId, StringComparison.OrdinalIgnoreCase)))
            {
                v.Add("external_id", "unique", "The external id has already been taken.");
            }
        }

        string? password = null;
        if (input.IsPresentNotNull("password"))
        {
            password = input.GetString("password");
            if (password is null)
            {
                v.MustBeString("password");
            }
        }

        string? language = null;
        if (AreaJson.Has(input, "language"))
        {
            language = input.GetString("language");
            if (language is null)
            {
                v.MustBeString("language");
            }
            else if (!Languages.Contains(language, StringComparer.Ordinal))
            {
                v.Add("language", "in", "The selected language is invalid.");
            }
        }

        bool? rootAdmin = null;
        if (AreaJson.Has(input, "root_admin"))
        {
            rootAdmin = AreaJson.StrictBoolean(input, "root_admin");
            if (rootAdmin is null)
            {
                v.Add("root_admin", "boolean", "The root admin field must be true or false.");
            }
        }

        v.ThrowIfFailed();
        // The panel stores usernames lower-case.
        return new UserInput(email!, username!.ToLowerInvariant(), firstName!, lastName!, hasExternalId, externalId, password, language, rootAdmin);
    }

    private static string? NameField(Validation v, RequestInput input, string field)
    {
        var value = v.RequiredString(input, field);
        if (value is { Length: > 191 })
        {
            v.Add(field, "between", $"The {Validation.Attribute(field)} must be between 1 and 191 characters.");
        }

        return value;
    }

    private static FakeUser FindUser(ApiRequest r) =>
        AreaJson.RouteInt(r, "user") is { } id && r.State.FindUser(id) is { } user ? user : throw PanelException.NotFound();

    /// <summary>spatie's partial filter: contains, case-insensitive; a comma separates alternatives; empty values are ignored.</summary>
    internal static bool Partial(string? column, string value)
    {
        var values = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return values.Length == 0 || (column is not null && values.Any(v => column.Contains(v, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// Writes one page of an Application API list: per_page defaults to 50 with no upper cap, and the page links carry
    /// only <c>page</c> (the controllers do not call <c>appends()</c>).
    /// </summary>
    internal static Task WritePage<T>(ApiRequest r, List<KeyValuePair<string, string>> query, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var page = Paginator.Create(query, items.Count, defaultPerPage: 50, maxPerPage: int.MaxValue);
        var offset = (long)(page.CurrentPage - 1) * page.PerPage;
        var slice = offset >= items.Count ? [] : items.Skip((int)offset).Take(page.PerPage).ToList();
        var url = r.Panel.BaseUrl + r.Context.Request.Path.Value;
        return AreaJson.Locked(r, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            foreach (var item in slice)
            {
                write(w, item);
            }

            w.WriteEndArray();
            Paginator.WriteMeta(w, page, slice.Count, url, []);
            w.WriteEndObject();
        });
    }

    private static readonly HashSet<string> EmptySet = [];

    internal static ISet<string> Empty => EmptySet;

    // PHP's \w without the u flag is ASCII only; the panel checks case-insensitively and stores lower-case.
    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9_.-]+)[A-Za-z0-9]$")]
    private static partial Regex UsernamePattern();
}
