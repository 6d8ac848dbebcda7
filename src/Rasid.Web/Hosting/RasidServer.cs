using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.FileProviders;
using Rasid.Web.Api;
using Rasid.Web.Events;
using Rasid.Web.Hosting;

namespace Rasid.Web;

/// <summary>
/// Builds the `rasid serve` web application: the JSON API under /api, its OpenAPI document at /openapi.json, and the
/// dashboard (static files from wwwroot beside the binaries). Loopback only unless an address is configured.
/// </summary>
public static class RasidServer
{
    /// <summary>
    /// Creates the application from <paramref name="args"/> and configuration. Settings (section <c>Rasid</c>): <c>Database</c>
    /// (default rasid.db), <c>ApiKey</c> (enables POST /api/documents), <c>TileUrl</c>, <c>MaxRequestBytes</c> (default 1 MiB).
    /// The address comes from <c>--urls</c> / <c>ASPNETCORE_URLS</c>, else http://127.0.0.1:5000.
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Requests are not logged one by one; start-up, warnings and errors are.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        options = options with { Database = Path.GetFullPath(options.Database) };
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(ServerOptions.DefaultUrls);
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new EventCatalog(options.Database));
        builder.Services.AddSingleton<ExtractionService>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Rasid API";
            document.Info.Description = "Conflict events extracted from Arabic news (ACLED-style). Errors are problem details with a stable `code` (RSD5xxx).";
            return Task.CompletedTask;
        }).AddOperationTransformer(OpenApiBodies.Describe));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // Arabic as is; <, >, & and quotes stay escaped.
            json.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });

        var app = builder.Build();
        var contentSecurityPolicy = ContentSecurityPolicy(options.TileUrl);
        app.UseExceptionHandler(handler => handler.Run(async context =>
        {
            var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            var (status, code, title) = error switch
            {
                SqliteException => (StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.StorageUnavailable, "Storage error"),
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.PayloadTooLarge, "Request body too large"),
                _ => (StatusCodes.Status500InternalServerError, ApiErrorCodes.Internal, "Internal error"),
            };
            await ApiProblems.Problem(status, code, title, status == 500 ? "The server failed; see its log." : error?.Message ?? title).ExecuteAsync(context).ConfigureAwait(false);
        }));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            await next(context).ConfigureAwait(false);
        });

        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                ContentTypeProvider = ContentTypes(),
                OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
            });
        }

        app.MapOpenApi("/openapi.json");
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (ApiParameterException ex)
            {
                return ApiProblems.InvalidParameter(ex.Parameter, ex.Message);
            }
        });
        api.MapEventsApi();
        api.MapDocumentsApi();
        api.MapFallback((HttpContext context) => ApiProblems.Problem(
            StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, "Not found", $"No API endpoint at {context.Request.Method} {context.Request.Path}."))
            .ExcludeFromDescription();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Logger;
            logger.LogInformation("rasid serve: database {Database} ({State}); ingest over HTTP {Ingest}", options.Database,
                File.Exists(options.Database) ? "found" : "missing: run rasid ingest", options.IngestEnabled ? "on (X-Api-Key)" : "off (no Rasid:ApiKey)");
            foreach (var url in app.Urls)
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback)
                {
                    logger.LogWarning("rasid serve listens on {Url}, which is not loopback only: other machines can reach it", url);
                }
            }
        });
        return app;
    }

    /// <summary>Builds the app from <paramref name="args"/> and serves until the process is stopped (Ctrl+C).</summary>
    public static async Task RunAsync(string[] args)
    {
        var app = Build(args);
        await app.RunAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Scripts and styles from this origin only (no inline script, no eval), data fetched from this origin only; images also
    /// from the tile server's origin when one is configured.
    /// </summary>
    internal static string ContentSecurityPolicy(string? tileUrl)
    {
        var images = "'self' data:";
        if (!string.IsNullOrWhiteSpace(tileUrl) && Uri.TryCreate(tileUrl.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var tiles))
        {
            images += " " + tiles.GetLeftPart(UriPartial.Authority);
        }

        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images
            + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    private static Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".geojson"] = "application/geo+json";
        return types;
    }
}
