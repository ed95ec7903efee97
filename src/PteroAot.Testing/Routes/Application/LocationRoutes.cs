using System.Globalization;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/locations</c>: CRUD.</summary>
internal static class ApplicationLocationRoutes
{
    private const string LocationIncludes = "nodes,servers";
    private static readonly string[] Filters = ["short", "long"];
    private static readonly string[] Sorts = ["id"];

    public static void Map(Router router)
    {
        router.Map("GET", "/api/application/locations", ApiArea.Application, List);
        router.Map("GET", "/api/application/locations/{location}", ApiArea.Application, Get);
        router.Map("POST", "/api/application/locations", ApiArea.Application, Create);
        router.Map("PATCH", "/api/application/locations/{location}", ApiArea.Application, Update);
        router.Map("DELETE", "/api/application/locations/{location}", ApiArea.Application, Delete);
    }

    private static Task List(ApiRequest r)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var filters = QueryString.Filters(query, Filters);
        var sorts = QueryString.Sort(query, Sorts);
        var includes = ApplicationTransformers.Includes(r, LocationIncludes);

        IEnumerable<FakeLocation> locations = r.State.Locations.OrderBy(l => l.Id);
        foreach (var (field, value) in filters)
        {
            locations = locations.Where(l => ApplicationUserRoutes.Partial(field == "short" ? l.Short : l.Long, value));
        }

        if (sorts.Count > 0 && sorts[0].Descending)
        {
            locations = locations.OrderByDescending(l => l.Id);
        }

        return ApplicationUserRoutes.WritePage(r, query, locations.ToList(), (w, l) => ApplicationTransformers.Location(w, r.State, l, includes));
    }

    private static Task Get(ApiRequest r)
    {
        var location = FindLocation(r);
        var includes = ApplicationTransformers.Includes(r, LocationIncludes);
        return AreaJson.Locked(r, 200, w => ApplicationTransformers.Location(w, r.State, location, includes));
    }

    // StoreLocationRequest: short required|string|between:1,60|unique, long string|nullable|between:1,191.
    private static Task Create(ApiRequest r)
    {
        var (shortCode, longText, _) = Validate(r, self: null);
        FakeLocation location;
        lock (r.State.Gate)
        {
            location = r.State.CreateLocation(shortCode, longText);
        }

        var url = r.Panel.BaseUrl + "/api/application/locations/" + location.Id.ToString(CultureInfo.InvariantCulture);
        return AreaJson.Locked(r, 201, w => ApplicationTransformers.WithResource(w, url,
            w2 => ApplicationTransformers.Location(w2, r.State, location, ApplicationUserRoutes.Empty)));
    }

    // UpdateLocationRequest: the same rules (unique ignores this location); short is required every time.
    private static Task Update(ApiRequest r)
    {
        var location = FindLocation(r);
        var (shortCode, longText, hasLong) = Validate(r, location);
        lock (r.State.Gate)
        {
            location.Short = shortCode;
            if (hasLong)
            {
                location.Long = longText;
            }

            location.UpdatedAt = r.Now;
        }

        return AreaJson.Locked(r, 200, w => ApplicationTransformers.Location(w, r.State, location, ApplicationUserRoutes.Empty));
    }

    private static Task Delete(ApiRequest r)
    {
        var location = FindLocation(r);
        lock (r.State.Gate)
        {
            if (r.State.Nodes.Any(n => n.LocationId == location.Id))
            {
                throw new PanelException(400, "HasActiveNodesException", "Cannot delete a location that has active nodes attached to it.");
            }

            r.State.RemoveLocation(location);
        }

        return r.NoContent();
    }

    private static (string Short, string? Long, bool HasLong) Validate(ApiRequest r, FakeLocation? self)
    {
        var v = new Validation();
        var shortCode = v.RequiredString(r.Input, "short");
        if (shortCode is not null)
        {
            if (shortCode.Length > 60)
            {
                v.Add("short", "between", "The short must be between 1 and 60 characters.");
            }

            if (r.State.Locations.Any(l => l.Id != self?.Id && string.Equals(l.Short, shortCode, StringComparison.OrdinalIgnoreCase)))
            {
                v.Add("short", "unique", "The short has already been taken.");
            }
        }

        var hasLong = AreaJson.Has(r.Input, "long");
        string? longText = null;
        if (r.Input.IsPresentNotNull("long"))
        {
            longText = r.Input.GetString("long");
            if (longText is null)
            {
                v.MustBeString("long");
            }
            else if (longText.Length > 191)
            {
                v.Add("long", "between", "The long must be between 1 and 191 characters.");
            }
        }

        v.ThrowIfFailed();
        return (shortCode!, longText, hasLong);
    }

    private static FakeLocation FindLocation(ApiRequest r) =>
        AreaJson.RouteInt(r, "location") is { } id && r.State.FindLocation(id) is { } location ? location : throw PanelException.NotFound();
}
