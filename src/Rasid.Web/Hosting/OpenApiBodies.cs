using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rasid.Web.Hosting;

/// <summary>
/// Describes the request bodies of POST /api/extract and /api/documents in the OpenAPI document. The endpoints read the body
/// themselves (to enforce the size limit and answer a wrong type with a problem), so the generator cannot see it.
/// </summary>
internal static class OpenApiBodies
{
    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        if (name is not ("Extract" or "IngestDocuments"))
        {
            return Task.CompletedTask;
        }

        var document = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Document id (default: web- and the start of the text's SHA-256)." },
                ["text"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Plain text of the article." },
                ["html"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "HTML of the page (used when text is absent)." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["url"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["publisher"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["published"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "Publication date; relative dates resolve against it." },
            },
        };
        IOpenApiSchema json = name == "IngestDocuments"
            ? new OpenApiSchema { OneOf = [document, new OpenApiSchema { Type = JsonSchemaType.Array, Items = document }] }
            : document;
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "At most Rasid:MaxRequestBytes (1 MiB by default; 413 beyond). text/plain and text/html take id, title, url, publisher and published as query parameters.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = json },
                ["text/plain"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["text/html"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        return Task.CompletedTask;
    }
}
