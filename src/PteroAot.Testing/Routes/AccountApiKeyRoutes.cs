using System.Globalization;
using System.Text.Json;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/api/client/account/api-keys</c>.</summary>
internal static class AccountApiKeyRoutes
{
    private const string Base = "/api/client/account/api-keys";

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, List);
        router.Map("POST", Base, ApiArea.Client, Create);
        router.Map("DELETE", Base + "/{identifier}", ApiArea.Client, Delete);
    }

    private static Task List(ApiRequest r)
    {
        var keys = r.User.ApiKeys.Where(k => k.Type == ApiKeyType.Client).ToList();
        return r.Json(200, w => ClientTransformers.List(w, keys, (w2, k) => ClientTransformers.ApiKey(w2, k)));
    }

    private static Task Create(ApiRequest r)
    {
        // StoreApiKeyRequest: description required|nullable|string|max:500; allowed_ips nullable|array|max:50 (+ after-hook per item).
        var v = new Validation();
        var description = v.RequiredString(r.Input, "description");
        if (description is { Length: > 500 })
        {
            v.Add("description", "max", "The description may not be greater than 500 characters.");
        }

        var ips = new List<string>();
        if (r.Input.IsPresentNotNull("allowed_ips"))
        {
            var element = r.Input.GetElement("allowed_ips");
            if (element is not { ValueKind: JsonValueKind.Array } array)
            {
                v.Add("allowed_ips", "array", "The allowed ips must be an array.");
            }
            else
            {
                if (array.GetArrayLength() > 50)
                {
                    v.Add("allowed_ips", "max", "The allowed ips may not have more than 50 items.");
                }

                var index = 0;
                foreach (var item in array.EnumerateArray())
                {
                    var field = "allowed_ips." + index.ToString(CultureInfo.InvariantCulture);
                    var text = item.ValueKind switch
                    {
                        JsonValueKind.String => RequestInput.Clean(field, item.GetString()),
                        JsonValueKind.Number => item.GetRawText(),
                        _ => null,
                    };
                    if (!IpRanges.TryParse(text, out _))
                    {
                        v.Add(field, "", $"\"{text}\" is not a valid IP address or CIDR range.");
                    }
                    else
                    {
                        ips.Add(text!);
                    }

                    index++;
                }
            }
        }

        v.ThrowIfFailed();
        FakeApiKey key;
        lock (r.State.Gate)
        {
            if (r.User.ApiKeys.Count(k => k.Type == ApiKeyType.Client) >= FakePanelState.MaxClientKeysPerUser)
            {
                throw new PanelException(400, "DisplayException", "You have reached the account limit for number of API keys.");
            }

            key = r.State.AddKey(r.User, ApiKeyType.Client, description!, ips);
        }

        r.Activity("user:api-key.create", new() { ["identifier"] = key.Identifier });
        return r.Json(200, w => ClientTransformers.ApiKey(w, key, key.Secret));
    }

    private static Task Delete(ApiRequest r)
    {
        var identifier = r.RouteValues["identifier"];
        if (!r.State.RemoveKey(r.User, identifier, ApiKeyType.Client))
        {
            throw PanelException.NotFound();
        }

        r.Activity("user:api-key.delete", new() { ["identifier"] = identifier });
        return r.NoContent();
    }
}
