using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Rasid.Web.Tests.Browser;

/// <summary>The dashboard in Debian's Chromium (see <see cref="BrowserFixture"/>).</summary>
public sealed class DashboardBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Article = "قتل مسلح وجندي وأصيب جندي آخر في اشتباكات مسلحة وسط مدينة عتق عاصمة محافظة شبوة، يوم الأربعاء 11 مايو 2022.";

    private async Task<JsonElement> Api(string path)
    {
        using var http = new HttpClient();
        return await http.GetFromJsonAsync<JsonElement>(fixture.BaseUrl + path);
    }

    private static async Task WaitForCount(IPage page, string selector, int count)
    {
        await page.WaitForFunctionAsync(
            "([selector, count]) => document.querySelectorAll(selector).length === count",
            new object[] { selector, count },
            new PageWaitForFunctionOptions { Timeout = 15_000 });
    }

    [BrowserFact]
    public async Task The_map_shows_one_marker_per_located_event_and_the_table_one_row_per_event()
    {
        var events = await Api("/api/events?page_size=500");
        var items = events.GetProperty("items").EnumerateArray().ToList();
        var located = items.Count(e => e.GetProperty("latitude").ValueKind == JsonValueKind.Number);
        Assert.True(located > 10);

        var page = await fixture.OpenDashboardAsync();
        await WaitForCount(page, "path.rasid-marker", located);
        Assert.Equal(located, await page.Locator("path.rasid-marker").CountAsync());
        Assert.Equal(items.Count, await page.Locator("#events-table tbody tr").CountAsync());

        // Each marker carries its event's id, and each located event has exactly one marker.
        var ids = await page.EvalOnSelectorAllAsync<string[]>("path.rasid-marker", "nodes => nodes.map(n => n.getAttribute('data-event-id'))");
        Assert.Equal(
            items.Where(e => e.GetProperty("latitude").ValueKind == JsonValueKind.Number).Select(e => e.GetProperty("id").GetString()).Order(StringComparer.Ordinal),
            ids.Order(StringComparer.Ordinal));

        // The base layer is the bundled country outlines, and the timeline has drawn its bars.
        Assert.True(await page.Locator(".leaflet-boundaries-pane path").CountAsync() > 100);
        Assert.True(await page.Locator("#timeline rect.bar").CountAsync() >= 1);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_type_filter_changes_the_markers_and_the_table()
    {
        var battles = (await Api("/api/events?page_size=500&type=Battles")).GetProperty("items").EnumerateArray().ToList();
        var all = (await Api("/api/events?page_size=500")).GetProperty("total").GetInt32();
        Assert.InRange(battles.Count, 1, all - 1);

        var page = await fixture.OpenDashboardAsync();
        await page.SelectOptionAsync("#f-type", "Battles");
        await WaitForCount(page, "#events-table tbody tr", battles.Count);
        await WaitForCount(page, "path.rasid-marker", battles.Count(e => e.GetProperty("latitude").ValueKind == JsonValueKind.Number));
        Assert.Equal(await page.Locator("path.rasid-marker").CountAsync(), await page.Locator("path.rasid-marker.type-battles").CountAsync());
        Assert.All(await page.Locator("#events-table tbody tr td:nth-child(2)").AllTextContentsAsync(), t => Assert.Equal("Battles", t));

        // The export link carries the same filter.
        Assert.Contains("type=Battles", await page.GetAttributeAsync("#export-link", "href"), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task Opening_an_event_shows_each_source_with_its_evidence_highlighted()
    {
        var page = await fixture.OpenDashboardAsync();
        await page.ClickAsync($"#events-table tbody tr[data-event-id='{SamplesDatabase.MergedEventId}']");
        await page.WaitForSelectorAsync($".event-view[data-event-id='{SamplesDatabase.MergedEventId}']");

        // Both reports merged into the event, each with its Arabic text right to left and the fields' words marked.
        Assert.Equal(2, await page.Locator(".event-view .source").CountAsync());
        Assert.Equal("rtl", await page.GetAttributeAsync(".event-view .source-text >> nth=0", "dir"));
        var location = page.Locator(".event-view .source >> nth=0").Locator("mark[data-field='location']");
        Assert.Contains("عتق", await location.First.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".event-view mark[data-field='trigger']").CountAsync() >= 2);
        Assert.True(await page.Locator(".event-view mark[data-field='date']").CountAsync() >= 1);

        // The marks have a highlight colour, and the marker of the event is outlined on the map.
        var background = await page.EvalOnSelectorAsync<string>(".event-view mark[data-field='location']", "m => getComputedStyle(m).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.Equal("3", await page.GetAttributeAsync($"path.rasid-marker[data-event-id='{SamplesDatabase.MergedEventId}']", "stroke-width"));
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task The_paste_box_returns_events_with_marked_evidence()
    {
        var page = await fixture.OpenDashboardAsync();
        await page.ClickAsync("#open-paste");
        await page.FillAsync("#paste-text", Article);
        await page.ClickAsync("#paste-submit");
        await page.WaitForSelectorAsync(".extracted-event", new PageWaitForSelectorOptions { Timeout = 30_000 });
        Assert.Equal(1, await page.Locator(".extracted-event").CountAsync());
        Assert.Contains("Battles", await page.Locator(".extracted-event h4").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("عتق", await page.Locator(".extracted-event mark[data-field='location']").TextContentAsync());
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_hostile_article_is_shown_as_text_in_the_paste_box_and_the_event_view()
    {
        var page = await fixture.OpenDashboardAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        // Pasted: the markup comes back in the evidence and is rendered as characters.
        await page.ClickAsync("#open-paste");
        await page.FillAsync("#paste-text", BrowserFixture.HostileArticle);
        await page.ClickAsync("#paste-submit");
        await page.WaitForSelectorAsync(".extracted-event", new PageWaitForSelectorOptions { Timeout = 30_000 });
        var pasted = await page.Locator("#paste-result").TextContentAsync();
        Assert.Contains("<img src=x onerror=alert(1)>", pasted, StringComparison.Ordinal);
        Assert.Contains("<script>alert(2)</script>", pasted, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#paste-result img, #paste-result script").CountAsync());
        await page.ClickAsync("#paste-form button[value='close']");

        // Stored: the same article's event view.
        var stored = (await Api("/api/events?q=الجحملية")).GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString();
        await page.ClickAsync($"#events-table tbody tr[data-event-id='{stored}']");
        await page.WaitForSelectorAsync($".event-view[data-event-id='{stored}']");
        var view = await page.Locator(".event-view").TextContentAsync();
        Assert.Contains("<img src=x onerror=alert(1)>", view, StringComparison.Ordinal);
        Assert.Contains("<b>عنوان</b>", view, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".event-view img, .event-view script, .event-view b").CountAsync());

        Assert.Equal(0, dialogs);
        Assert.DoesNotContain(fixture.Requests, url => url.EndsWith("/x", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task No_request_leaves_the_origin()
    {
        var page = await fixture.OpenDashboardAsync("/#event=" + SamplesDatabase.MergedEventId);
        await page.WaitForSelectorAsync(".event-view .source");
        await page.Mouse.WheelAsync(0, 400);
        await page.Locator("#map").HoverAsync();
        await page.Mouse.WheelAsync(0, -300); // zoom the map: tiles would be fetched here if any were configured
        await page.WaitForTimeoutAsync(500);
        Assert.NotEmpty(fixture.Requests);
        Assert.All(fixture.Requests, url => Assert.True(
            url.StartsWith(fixture.BaseUrl + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            "request outside the origin: " + url));
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task Brushing_the_timeline_narrows_the_table_to_the_selected_days()
    {
        var page = await fixture.OpenDashboardAsync();
        var bar = page.Locator("#timeline rect.bar").First;
        var date = await bar.GetAttributeAsync("data-date");
        var box = (await bar.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        var expected = (await Api($"/api/events?from={date}&to={date}")).GetProperty("total").GetInt32();
        await WaitForCount(page, "#events-table tbody tr", expected);
        Assert.All(await page.Locator("#events-table tbody tr td:nth-child(1)").AllTextContentsAsync(), t => Assert.Equal(date, t));
        Assert.Contains(date!, await page.Locator("#brush-label").TextContentAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
