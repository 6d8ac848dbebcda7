using System.Net;
using System.Text;
using System.Text.Json;

namespace Rasid.Web.Tests.Api;

public sealed class DocumentsApiTests(RasidWebFactory factory) : IClassFixture<RasidWebFactory>
{
    private const string Article = "عتق - خاص\nقتل مسلح وجندي وأصيب جندي آخر في اشتباكات مسلحة وسط مدينة عتق عاصمة محافظة شبوة، يوم الأربعاء 11 مايو 2022.";

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, (await Json(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Extract_returns_events_with_marked_evidence_and_stores_nothing()
    {
        using var client = factory.CreateClient();
        var before = (await Json(await client.GetAsync("/api/events"))).GetProperty("total").GetInt32();
        using var response = await client.PostAsync("/api/extract", new StringContent(Article, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Json(response);
        var e = Assert.Single(result.GetProperty("events").EnumerateArray());
        Assert.Equal("Battles", e.GetProperty("record").GetProperty("event_type").GetString());
        Assert.Equal("YE-SH", e.GetProperty("record").GetProperty("admin1_code").GetString());
        Assert.Contains(e.GetProperty("evidence").GetProperty("segments").EnumerateArray(), s => s.GetProperty("field").GetString() == "location");
        Assert.Equal(before, (await Json(await client.GetAsync("/api/events"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Extract_reads_html_and_json_bodies()
    {
        using var client = factory.CreateClient();
        var html = "<html><head><title>اشتباكات في عتق</title></head><body><article><p>" + Article.Replace("\n", "</p><p>", StringComparison.Ordinal) + "</p></article></body></html>";
        using var fromHtml = await client.PostAsync("/api/extract", new StringContent(html, Encoding.UTF8, "text/html"));
        Assert.Single((await Json(fromHtml)).GetProperty("events").EnumerateArray());

        var body = JsonSerializer.Serialize(new { text = "اشتباكات عنيفة أمس بين الجيش والحوثيين في مديرية حيس بالحديدة أسفرت عن مقتل 5 مسلحين", published = "2022-05-14" });
        using var fromJson = await client.PostAsync("/api/extract", new StringContent(body, Encoding.UTF8, "application/json"));
        var result = await Json(fromJson);
        Assert.Equal("2022-05-14", result.GetProperty("published").GetString());
        var e = Assert.Single(result.GetProperty("events").EnumerateArray());
        Assert.Equal("2022-05-13", e.GetProperty("record").GetProperty("date").GetString()); // أمس against the publication date
    }

    [Fact]
    public async Task Extract_refuses_a_body_over_one_megabyte_with_413()
    {
        using var client = factory.CreateClient();
        var big = new string('ا', 600_000); // 1.2 MB of UTF-8
        using var response = await client.PostAsync("/api/extract", new StringContent(big, Encoding.UTF8, "text/plain"));
        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "RSD5003");
    }

    [Theory]
    [InlineData("application/pdf", "%PDF-1.4", HttpStatusCode.UnsupportedMediaType, "RSD5004")]
    [InlineData("text/plain", "   ", HttpStatusCode.BadRequest, "RSD5008")]
    [InlineData("application/json", "{\"text\": 5", HttpStatusCode.BadRequest, "RSD5001")]
    [InlineData("application/json", "[{\"text\": \"نص\"}]", HttpStatusCode.BadRequest, "RSD5001")] // extract takes one document
    public async Task Extract_rejects_bad_bodies_with_problems(string contentType, string body, HttpStatusCode status, string code)
    {
        using var client = factory.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await client.PostAsync("/api/extract", content);
        await AssertProblem(response, status, code);
    }

    [Fact]
    public async Task Ingest_is_off_without_a_configured_key()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent(Article, Encoding.UTF8, "text/plain") };
        request.Headers.Add("X-Api-Key", "anything");
        using var response = await client.SendAsync(request);
        await AssertProblem(response, HttpStatusCode.Forbidden, "RSD5005");
    }

    [Fact]
    public async Task Ingest_needs_the_key_then_stores_and_merges_the_document()
    {
        var database = SamplesDatabase.CopyToTemp();
        await using var app = new RasidWebFactory(database, apiKey: "s3cret");
        using var client = app.CreateClient();
        var before = SamplesDatabase.StoreEvents().Count;
        Assert.Equal(before, (await Json(await client.GetAsync("/api/events"))).GetProperty("total").GetInt32());

        using (var noKey = await client.PostAsync("/api/documents", new StringContent(Article, Encoding.UTF8, "text/plain")))
        {
            await AssertProblem(noKey, HttpStatusCode.Unauthorized, "RSD5006");
        }

        var body = JsonSerializer.Serialize(new[]
        {
            new { id = "hays-1", text = "اشتباكات عنيفة أمس بين الجيش والحوثيين في مديرية حيس بالحديدة أسفرت عن مقتل 5 مسلحين", published = "2022-05-14", publisher = "مثال" },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", "s3cret");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await Json(response);
        Assert.Equal(1, summary.GetProperty("stored").GetInt32());
        Assert.Equal(1, summary.GetProperty("mentions").GetInt32());

        var hodeidah = await Json(await client.GetAsync("/api/events?admin1=YE-HU"));
        var item = Assert.Single(hodeidah.GetProperty("items").EnumerateArray());
        Assert.Equal("2022-05-13", item.GetProperty("date").GetString());
        var detail = await Json(await client.GetAsync("/api/events/" + item.GetProperty("id").GetString()));
        var source = Assert.Single(detail.GetProperty("sources").EnumerateArray());
        Assert.Equal("مثال", source.GetProperty("publisher").GetString());
        Assert.Equal(before + 1, (await Json(await client.GetAsync("/api/events"))).GetProperty("total").GetInt32());
    }
}
