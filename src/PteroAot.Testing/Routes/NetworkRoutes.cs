using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes;

/// <summary><c>/servers/{server}/network/allocations</c>.</summary>
internal static class NetworkRoutes
{
    private const string Base = "/api/client/servers/{server}/network/allocations";

    public static void Map(Router router)
    {
        router.Map("GET", Base, ApiArea.Client, List);
        router.Map("POST", Base, ApiArea.Client, Assign);
        router.Map("POST", Base + "/{allocation}", ApiArea.Client, UpdateNotes);
        router.Map("POST", Base + "/{allocation}/primary", ApiArea.Client, SetPrimary);
        router.Map("DELETE", Base + "/{allocation}", ApiArea.Client, Delete);
    }

    private static Task List(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "allocation.read");
        return AreaJson.Locked(r, 200, w => ClientTransformers.List(w, server.Allocations.OrderBy(a => a.Id), NetworkTransformers.Allocation));
    }

    // NetworkAllocationController@store: the limit check comes first (a null limit counts as reached), then auto-allocation.
    private static Task Assign(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r, "allocation.create");
        FakeAllocation allocation;
        lock (r.State.Gate)
        {
            if (server.AllocationLimit is not { } limit || server.Allocations.Count >= limit)
            {
                throw new PanelException(400, "DisplayException", "Cannot assign additional allocations to this server: limit has been reached.");
            }

            allocation = r.State.AssignAllocation(server);
        }

        return AreaJson.Locked(r, 200, w => NetworkTransformers.Allocation(w, allocation));
    }

    // UpdateAllocationRequest: notes present|nullable|string|max:256.
    private static Task UpdateNotes(ApiRequest r)
    {
        var (server, allocation) = Bind(r);
        AreaJson.Authorize(r, server, "allocation.update");
        var v = new Validation();
        string? notes = null;
        if (!AreaJson.Has(r.Input, "notes"))
        {
            v.Add("notes", "present", "The notes field must be present.");
        }
        else if (r.Input.IsPresentNotNull("notes"))
        {
            notes = r.Input.GetString("notes");
            if (notes is null)
            {
                v.MustBeString("notes");
            }
            else if (notes.Length > 256)
            {
                v.Add("notes", "max", "The notes may not be greater than 256 characters.");
            }
        }

        v.ThrowIfFailed();
        lock (r.State.Gate)
        {
            allocation.Notes = notes;
        }

        return AreaJson.Locked(r, 200, w => NetworkTransformers.Allocation(w, allocation));
    }

    private static Task SetPrimary(ApiRequest r)
    {
        var (server, allocation) = Bind(r);
        AreaJson.Authorize(r, server, "allocation.update");
        lock (r.State.Gate)
        {
            foreach (var other in server.Allocations)
            {
                other.IsDefault = ReferenceEquals(other, allocation);
            }
        }

        return AreaJson.Locked(r, 200, w => NetworkTransformers.Allocation(w, allocation));
    }

    private static Task Delete(ApiRequest r)
    {
        var (server, allocation) = Bind(r);
        AreaJson.Authorize(r, server, "allocation.delete");
        lock (r.State.Gate)
        {
            if (server.AllocationLimit is null or 0)
            {
                throw new PanelException(400, "DisplayException", "You cannot delete allocations for this server: no allocation limit is set.");
            }

            if (allocation.IsDefault)
            {
                throw new PanelException(400, "DisplayException", "You cannot delete the primary allocation for this server.");
            }

            r.State.UnassignAllocation(server, allocation);
        }

        return r.NoContent();
    }

    // Route binding: an unknown id is the generic 404; another server's (or an unassigned) allocation is the sub-resource 404.
    private static (FakeServer Server, FakeAllocation Allocation) Bind(ApiRequest r)
    {
        var server = ServerAccess.Resolve(r);
        var id = AreaJson.RouteInt(r, "allocation") ?? throw PanelException.NotFound();
        lock (r.State.Gate)
        {
            if (server.Allocations.FirstOrDefault(a => a.Id == id) is { } own)
            {
                return (server, own);
            }

            var exists = r.State.Servers.Any(s => s.Allocations.Any(a => a.Id == id)) || r.State.UnassignedAllocations.Any(a => a.Id == id);
            throw exists ? ServerAccess.SubResourceNotFound() : PanelException.NotFound();
        }
    }
}
