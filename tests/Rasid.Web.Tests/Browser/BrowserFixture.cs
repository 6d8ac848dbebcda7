using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Storage.Sqlite;
using Rasid.Storage;

namespace Rasid.Web.Tests.Browser;

/// <summary>
/// The real server (Kestrel on a free loopback port) over a copy of the samples database plus one hostile article, and Debian's
/// Chromium driven by Playwright through its executable path (browser downloads are not reachable here). Every request the
/// browser makes is recorded, to check that none leaves the origin.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>A stored article whose text carries markup: its event view must show the markup as text.</summary>
    public const string HostileArticle =
        "قتل 3 مدنيين <img src=x onerror=alert(1)> أمس في قصف مدفعي لجماعة الحوثي على حي الجحملية بمدينة تعز <script>alert(2)</script> وفق مصادر محلية.";

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string? _profile;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowserContext Browser { get; private set; } = null!;

    public ConcurrentQueue<string> Requests { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            // Tests are skipped locally; under CI they fail on the missing browser when they use it.
            return;
        }

        var database = SamplesDatabase.CopyToTemp();
        using (var store = SqliteEventStore.Open(database))
        {
            var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
            var hostile = new SourceDocument { Id = "hostile", Text = HostileArticle, Published = new DateOnly(2022, 5, 14), Title = "<b>عنوان</b>" };
            new EventIngestor(store, d => pipeline.Extract(d, withText: true), "test").Ingest([new IngestInput(hostile)], reextract: false);
        }

        _app = RasidServer.Build(["--Rasid:Database=" + database, "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        _profile = Directory.CreateTempSubdirectory("rasid-chromium-").FullName;
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1400, Height = 1100 },
            Locale = "ar",
        });
        Browser.Request += (_, request) => Requests.Enqueue(request.Url);
    }

    /// <summary>A new page at the dashboard, once it has drawn the map, timeline and table.</summary>
    public async Task<IPage> OpenDashboardAsync(string path = "/")
    {
        var page = await Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(BaseUrl + path);
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        Assert.Empty(errors);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_profile is not null)
        {
            Directory.Delete(_profile, recursive: true);
        }
    }
}
