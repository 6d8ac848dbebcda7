using Microsoft.Playwright;

namespace Rasid.Web.Tests.Browser;

/// <summary>Runs only when RASID_SCREENSHOTS names a folder (and Chromium is installed); otherwise skipped.</summary>
public sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RASID_SCREENSHOTS")))
        {
            Skip = "set RASID_SCREENSHOTS=FOLDER to write the README's screenshots";
        }
        else if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            Skip = $"Chromium not found at {BrowserFactAttribute.ChromiumPath}";
        }
    }
}

/// <summary>
/// Writes docs/dashboard.png and docs/event-view.png from the browser-test database (the samples, a second report of the
/// Ataq clash, and the hostile article): `RASID_SCREENSHOTS=$PWD/docs dotnet test tests/Rasid.Web.Tests -c Release --filter Screenshots`.
/// </summary>
public sealed class Screenshots(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [ScreenshotFact]
    public async Task Dashboard_and_event_view()
    {
        var folder = Environment.GetEnvironmentVariable("RASID_SCREENSHOTS")!;
        var page = await fixture.OpenDashboardAsync();
        await page.WaitForTimeoutAsync(500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "dashboard.png"), FullPage = false });

        await page.ClickAsync($"#events-table tbody tr[data-event-id='{SamplesDatabase.MergedEventId}']");
        await page.WaitForSelectorAsync(".event-view .source");
        await page.EvalOnSelectorAsync(".side", "side => { side.style.maxHeight = 'none'; }");
        await page.WaitForTimeoutAsync(300);
        await page.Locator(".side").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "event-view.png") });

        await page.ClickAsync("#close-side");
        await page.ClickAsync("#open-paste");
        await page.FillAsync("#paste-text", "اشتباكات عنيفة أمس بين الجيش والحوثيين في مديرية حيس بالحديدة أسفرت عن مقتل 5 مسلحين");
        await page.FillAsync("#paste-published", "2022-05-14");
        await page.ClickAsync("#paste-submit");
        await page.WaitForSelectorAsync(".extracted-event");
        await page.Locator("#paste-dialog").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, "paste-article.png") });
        await page.CloseAsync();
    }
}
