using System.Globalization;
using PteroAot.Testing.Http;

namespace PteroAot.Testing.Routes.Application;

/// <summary><c>/api/application/nests</c> and their eggs.</summary>
internal static class ApplicationNestRoutes
{
    private const string EggIncludes = "nest,servers,config,script,variables";

    public static void Map(Router router)
    {
        router.Map("GET", "/api/application/nests/{nest}/eggs/{egg}", ApiArea.Application, GetEgg);
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

        // The JSON is built synchronously, so the lock covers the transformer's reads of related objects.
        return r.Json(200, w =>
        {
            lock (r.State.Gate)
            {
                ApplicationTransformers.Egg(w, r.State, egg, includes);
            }
        });
    }

    internal static PanelException NotFound() =>
        new(404, "NotFoundHttpException", "The requested resource could not be found on the server.");
}
