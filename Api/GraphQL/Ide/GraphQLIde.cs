using Microsoft.Extensions.FileProviders;

namespace IoTStack.Api.GraphQL.Ide;

/// <summary>
/// GraphiQL for browsers: a <c>GET /graphql</c> that asks for HTML and carries no query gets the IDE page, whose
/// assets are served from <c>/graphql/ide/</c> out of the build output (vendored in Api/ide, see its README), so
/// nothing comes from a CDN and the IDE works offline. Without that folder there is no IDE: such requests get 406.
/// </summary>
public static class GraphQLIde
{
    public const string AssetPath = "/graphql/ide";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "ide");

    private static readonly string PagePath = Path.Combine(Folder, "index.html");

    /// <summary>A browser opening the endpoint; a GraphQL client asks for JSON, or sends a query.</summary>
    public static bool IsWantedBy(HttpRequest request) =>
        !request.Query.ContainsKey("query")
        && request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && accept.Quality is not 0)
        && File.Exists(PagePath);

    public static Task ServePageAsync(HttpContext context) => TypedResults.PhysicalFile(PagePath, "text/html; charset=utf-8").ExecuteAsync(context);

    public static WebApplication UseGraphQLIdeAssets(this WebApplication app)
    {
        if (Directory.Exists(Folder))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Folder), RequestPath = AssetPath });
        }

        return app;
    }
}
