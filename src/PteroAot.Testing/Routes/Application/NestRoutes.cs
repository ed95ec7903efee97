using System.Globalization;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/nests</c> and their eggs.</summary>
internal static class ApplicationNestRoutes
{
    private const string NestIncludes = "eggs,servers";
    private const string EggIncludes = "nest,servers,config,script,variables";

    public static void Map(Router router)
    {
        router.Map("GET", "/api/application/nests", ApiArea.Application, List);
        router.Map("GET", "/api/application/nests/{nest}", ApiArea.Application, Get);
        router.Map("GET", "/api/application/nests/{nest}/eggs", ApiArea.Application, ListEggs);
        router.Map("GET", "/api/application/nests/{nest}/eggs/{egg}", ApiArea.Application, GetEgg);
    }

    // Paginated, no filters or sorts.
    private static Task List(ApiRequest r)
    {
        var query = QueryString.Parse(r.Context.Request.QueryString.Value);
        var includes = ApplicationTransformers.Includes(r, NestIncludes);
        var nests = r.State.Nests.OrderBy(n => n.Id).ToList();
        return ApplicationUserRoutes.WritePage(r, query, nests, (w, n) => ApplicationTransformers.Nest(w, r.State, n, includes));
    }

    private static Task Get(ApiRequest r)
    {
        var nest = FindNest(r);
        var includes = ApplicationTransformers.Includes(r, NestIncludes);
        return AreaJson.Locked(r, 200, w => ApplicationTransformers.Nest(w, r.State, nest, includes));
    }

    // Not paginated: the whole list, no meta.
    private static Task ListEggs(ApiRequest r)
    {
        var nest = FindNest(r);
        var includes = ApplicationTransformers.Includes(r, EggIncludes);
        var eggs = r.State.Eggs.Where(e => e.NestId == nest.Id).OrderBy(e => e.Id).ToList();
        return AreaJson.Locked(r, 200, w => ClientTransformers.List(w, eggs, (w2, e) => ApplicationTransformers.Egg(w2, r.State, e, includes)));
    }

    private static Task GetEgg(ApiRequest r)
    {
        var includes = ApplicationTransformers.Includes(r, EggIncludes);
        var nest = int.TryParse(r.RouteValues["nest"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? r.State.FindNest(n) : null;
        var egg = nest is not null && int.TryParse(r.RouteValues["egg"], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? r.State.FindEgg(e) : null;
        // Scoped binding: an egg of another nest is a 404.
        if (nest is null || egg is null || egg.NestId != nest.Id)
        {
            throw NotFound();
        }

        return AreaJson.Locked(r, 200, w => ApplicationTransformers.Egg(w, r.State, egg, includes));
    }

    private static FakeNest FindNest(ApiRequest r) =>
        AreaJson.RouteInt(r, "nest") is { } id && r.State.FindNest(id) is { } nest ? nest : throw NotFound();

    internal static PanelException NotFound() =>
        new(404, "NotFoundHttpException", "The requested resource could not be found on the server.");
}
