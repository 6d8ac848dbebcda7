using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Rasid.Web.Tests;

/// <summary>The web app over a database (the samples by default), with an optional API key, served in memory (TestServer).</summary>
public sealed class RasidWebFactory : WebApplicationFactory<Program>
{
    private readonly string _database;
    private readonly string? _apiKey;

    public RasidWebFactory()
        : this(SamplesDatabase.Path, null)
    {
    }

    internal RasidWebFactory(string database, string? apiKey)
    {
        _database = database;
        _apiKey = apiKey;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Rasid:Database", _database);
        builder.UseSetting("Rasid:ApiKey", _apiKey ?? string.Empty);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
