using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/api/client/account/ssh-keys</c>.</summary>
internal static class AccountSshKeyRoutes
{
    private const string Base = "/api/client/account/ssh-keys";

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, List);
        router.Map("POST", Base, ApiArea.Client, Create);
        router.Map("POST", Base + "/remove", ApiArea.Client, Remove);
    }

    private static Task List(ApiRequest r)
    {
        var keys = r.User.SshKeys;
        return r.Json(200, w => ClientTransformers.List(w, keys, ClientTransformers.SshKey));
    }

    private static Task Create(ApiRequest r)
    {
        var v = new Validation();
        var name = v.RequiredString(r.Input, "name");
        var publicKey = v.RequiredString(r.Input, "public_key");
        ParsedSshKey? parsed = null;
        if (publicKey is not null)
        {
            // StoreSSHKeyRequest's after-hook: custom messages with an empty rule.
            try
            {
                parsed = SshKeyParser.Parse(publicKey);
                if (r.User.SshKeys.Any(k => k.Fingerprint == parsed.Fingerprint))
                {
                    v.Add("public_key", "", "The public key provided already exists on your account.");
                }
            }
            catch (SshKeyException e)
            {
                v.Add("public_key", "", e.Message);
            }
        }

        v.ThrowIfFailed();
        var key = new FakeSshKey(name!, parsed!.Fingerprint, parsed.Pem, r.Now);
        lock (r.State.Gate)
        {
            r.User.SshKeyList.Add(key);
        }

        r.Activity("user:ssh-key.create", new() { ["fingerprint"] = key.Fingerprint });
        return r.Json(200, w => ClientTransformers.SshKey(w, key));
    }

    private static Task Remove(ApiRequest r)
    {
        var v = new Validation();
        var fingerprint = v.RequiredString(r.Input, "fingerprint");
        v.ThrowIfFailed();
        bool removed;
        lock (r.State.Gate)
        {
            removed = r.User.SshKeyList.RemoveAll(k => k.Fingerprint == fingerprint) > 0;
        }

        if (removed)
        {
            r.Activity("user:ssh-key.delete", new() { ["fingerprint"] = fingerprint! });
        }

        return r.NoContent();
    }
}
