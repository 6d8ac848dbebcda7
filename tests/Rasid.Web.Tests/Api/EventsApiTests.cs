using System.Net;
using System.Text.Json;

namespace Rasid.Web.Tests.Api;

public sealed class EventsApiTests(RasidWebFactory factory) : IClassFixture<RasidWebFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> GetJson(string url)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<JsonElement> GetProblem(string url, HttpStatusCode status, string code)
    {
        using var response = await _client.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal("urn:rasid:error:" + code, problem.GetProperty("type").GetString());
        return problem;
    }

    [Fact]
    public async Task Lists_every_event_of_the_samples_with_the_total()
    {
        var expected = SamplesDatabase.StoreEvents().Count;
        Assert.InRange(expected, 15, 100);
        var page = await GetJson("/api/events?page_size=500");
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.Equal(expected, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pages_keep_the_total_and_do_not_overlap()
    {
        var total = SamplesDatabase.StoreEvents().Count;
        Assert.InRange(total, 21, 30); // three pages of 10, the last one partly filled
        var first = await GetJson("/api/events?page_size=10&page=1");
        var third = await GetJson("/api/events?page_size=10&page=3");
        Assert.Equal(total, first.GetProperty("total").GetInt32());
        Assert.Equal(total, third.GetProperty("total").GetInt32());
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal(total - 20, third.GetProperty("items").GetArrayLength());
        var firstIds = first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(third.GetProperty("items").EnumerateArray(), e => firstIds.Contains(e.GetProperty("id").GetString()));
    }

    /// <summary>
    /// Each filter against the same selection computed independently: the store's own query (SqliteEventStore.QueryEvents,
    /// which the CLI uses) and plain LINQ over its events. The selection must not be empty, nor everything.
    /// </summary>
    public static TheoryData<string, string> FilterCases => new()
    {
        { "country=SY", "iso2 SY" },
        { "country=ye,sy", "all" }, // case-insensitive lists
        { "admin1=YE-SH", "admin1 YE-SH" },
        { "type=Battles", "type Battles" },
        { "type=Battles,Violence against civilians", "type Battles|Violence against civilians" },
        { "sub_type=Armed clash", "sub Armed clash" },
        { "from=2022-05-11&to=2022-05-11", "date 2022-05-11" }, // undated events drop out of date filters
        { "min_fatalities=10", "fatalities 10" },
        { "bbox=46,14,47.5,15", "box" }, // a box around Ataq
        { "actor=القاعدة", "actor القاعدة" },
        { "actor=aqap", "actor AQAP" }, // any case
        { "q=عتق", "evidence عتق" }, // Arabic evidence
        { "q=in hama", "notes in Hama" }, // English notes, any case
    };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filters_select_the_same_events_as_the_store(string query, string expectation)
    {
        using var store = Rasid.Storage.Sqlite.SqliteEventStore.Open(SamplesDatabase.Path);
        var all = store.QueryEvents(new Rasid.Storage.EventQuery());
        var (kind, value) = (expectation.Split(' ', 2)[0], expectation.Split(' ', 2).ElementAtOrDefault(1) ?? "");
        var expected = kind switch
        {
            "all" => all,
            "iso2" => store.QueryEvents(new Rasid.Storage.EventQuery { Country = value }),
            "admin1" => store.QueryEvents(new Rasid.Storage.EventQuery { Admin1 = value }),
            "type" => all.Where(e => value.Split('|').Contains(e.Event.Record.EventType)).ToList(),
            "sub" => all.Where(e => e.Event.Record.SubEventType == value).ToList(),
            "date" => store.QueryEvents(new Rasid.Storage.EventQuery { From = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture), To = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) }),
            "fatalities" => all.Where(e => e.Event.Record.Fatalities >= int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
            "box" => all.Where(e => e.Event.Record is { Latitude: >= 14 and <= 15, Longitude: >= 46 and <= 47.5 }).ToList(),
            "actor" => store.QueryEvents(new Rasid.Storage.EventQuery { Actor = value }),
            "evidence" => all.Where(e => e.Members.Any(m => m.Record.Evidence.Text!.Contains(value, StringComparison.Ordinal))).ToList(),
            "notes" => all.Where(e => e.Event.Record.Notes!.Contains(value, StringComparison.OrdinalIgnoreCase)).ToList(),
            _ => throw new InvalidOperationException(kind),
        };
        Assert.NotEmpty(expected);
        if (kind != "all")
        {
            Assert.True(expected.Count < all.Count, "the filter case selects everything: " + query);
        }

        var page = await GetJson("/api/events?page_size=500&" + query);
        Assert.Equal(expected.Count, page.GetProperty("total").GetInt32());
        Assert.Equal(
            string.Join(' ', expected.Select(e => e.EventIdCnty).Order(StringComparer.Ordinal)),
            string.Join(' ', page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Text_search_ignores_hamza_and_teh_marbuta_forms()
    {
        // The evidence has "محافظة شبوة"; the query writes both letters in their folded forms.
        var folded = await GetJson("/api/events?q=محافظه شبوه");
        var written = await GetJson("/api/events?q=محافظة شبوة");
        Assert.Equal(written.GetProperty("total").GetInt32(), folded.GetProperty("total").GetInt32());
        Assert.True(folded.GetProperty("total").GetInt32() >= 1);
    }

    [Theory]
    [InlineData("fatalities")]
    [InlineData("-fatalities")]
    [InlineData("type")]
    [InlineData("-admin1")]
    public async Task Sorts_by_the_requested_key(string sort)
    {
        var items = (await GetJson("/api/events?page_size=500&sort=" + sort)).GetProperty("items").EnumerateArray().ToList();
        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-');
        for (var i = 1; i < items.Count; i++)
        {
            int order = key switch
            {
                "fatalities" => Fatalities(items[i - 1]).CompareTo(Fatalities(items[i])),
                "type" => string.CompareOrdinal(items[i - 1].GetProperty("event_type").GetString(), items[i].GetProperty("event_type").GetString()),
                _ => string.CompareOrdinal(items[i - 1].GetProperty("admin1").GetString() ?? "", items[i].GetProperty("admin1").GetString() ?? ""),
            };
            Assert.True(descending ? order >= 0 : order <= 0, $"items {i - 1} and {i} are out of order for sort={sort}");
        }

        static int Fatalities(JsonElement e) => e.GetProperty("fatalities").ValueKind == JsonValueKind.Null ? -1 : e.GetProperty("fatalities").GetInt32();
    }

    [Theory]
    [InlineData("from=2022-13-01", "from")]
    [InlineData("from=2022-05-02&to=2022-05-01", "from")]
    [InlineData("bbox=1,2,3", "bbox")]
    [InlineData("bbox=10,50,5,60", "bbox")] // inverted
    [InlineData("min_fatalities=-1", "min_fatalities")]
    [InlineData("page=0", "page")]
    [InlineData("page_size=100000", "page_size")]
    [InlineData("sort=colour", "sort")]
    public async Task Bad_parameters_are_problems_with_a_stable_code(string query, string parameter)
    {
        var problem = await GetProblem("/api/events?" + query, HttpStatusCode.BadRequest, "RSD5001");
        Assert.Contains(parameter, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_event_is_a_404_problem()
    {
        await GetProblem("/api/events/YEM000000000000", HttpStatusCode.NotFound, "RSD5002");
        await GetProblem("/api/nothing-here", HttpStatusCode.NotFound, "RSD5002");
    }

    [Fact]
    public async Task An_event_has_every_field_and_every_source_with_marked_evidence()
    {
        var detail = await GetJson("/api/events/" + SamplesDatabase.MergedEventId);
        Assert.Equal(SamplesDatabase.MergedEventId, detail.GetProperty("id").GetString());
        var record = detail.GetProperty("record");
        Assert.Equal("Battles", record.GetProperty("event_type").GetString());
        Assert.Equal("YE-SH", record.GetProperty("admin1_code").GetString());
        foreach (var field in new[] { "actor1", "actor2", "latitude", "longitude", "fatalities", "injured", "notes", "evidence", "date_text", "location_ar" })
        {
            Assert.True(record.TryGetProperty(field, out _), "missing " + field);
        }

        var sources = detail.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(2, sources.Count);
        Assert.Equal(
            "003_e612bbc7fa9c1160|ataq_second_report",
            string.Join('|', sources.Select(s => s.GetProperty("document_id").GetString()).Order(StringComparer.Ordinal)));
        foreach (var source in sources)
        {
            var evidence = source.GetProperty("evidence");
            var segments = evidence.GetProperty("segments").EnumerateArray().ToList();

            // The segments put together are the evidence sentence, and the sentence sits between the text before and after.
            Assert.Equal(evidence.GetProperty("text").GetString(), string.Concat(segments.Select(s => s.GetProperty("text").GetString())));
            Assert.Contains(segments, s => s.GetProperty("field").GetString() == "trigger");
            Assert.Contains(segments, s => s.GetProperty("field").GetString() == "location" && s.GetProperty("text").GetString()!.Contains("عتق", StringComparison.Ordinal));
            var marks = evidence.GetProperty("marks").EnumerateArray().ToList();
            Assert.Equal(segments.Count(s => s.GetProperty("field").ValueKind != JsonValueKind.Null), marks.Count);
        }

        // The sample's own date expression is marked in its evidence.
        var sample = sources.Single(s => s.GetProperty("document_id").GetString() == "003_e612bbc7fa9c1160");
        var dateMark = sample.GetProperty("evidence").GetProperty("marks").EnumerateArray().Single(m => m.GetProperty("field").GetString() == "date");
        Assert.Equal("الأربعاء 11 مايو 2022", dateMark.GetProperty("text").GetString());
    }

    [Fact]
    [Trait("Issue", "12")]
    public async Task Counts_are_marked_from_the_spans_the_records_carry()
    {
        var detail = await GetJson("/api/events/" + SamplesDatabase.MergedEventId);
        var marked = detail.GetProperty("sources").EnumerateArray()
            .SelectMany(s => s.GetProperty("evidence").GetProperty("marks").EnumerateArray().Select(m => (Source: s, Mark: m)))
            .Where(x => x.Mark.GetProperty("field").GetString() == "injured")
            .ToList();

        // Each source's injured count is marked exactly where its record's span says (a count yields to the other fields).
        Assert.NotEmpty(marked);
        foreach (var (source, mark) in marked)
        {
            var span = source.GetProperty("record").GetProperty("spans").GetProperty("injured");
            Assert.Equal(span.GetProperty("start").GetInt32(), mark.GetProperty("start").GetInt32());
            Assert.Equal(span.GetProperty("text").GetString(), mark.GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task Mark_offsets_are_code_points_into_the_document_text()
    {
        var detail = await GetJson("/api/events/" + SamplesDatabase.MergedEventId);
        foreach (var source in detail.GetProperty("sources").EnumerateArray())
        {
            var evidence = source.GetProperty("evidence");
            var document = evidence.GetProperty("before").GetString() + evidence.GetProperty("text").GetString() + evidence.GetProperty("after").GetString();
            var codePoints = document.EnumerateRunes().Select(r => r.ToString()).ToArray();
            foreach (var mark in evidence.GetProperty("marks").EnumerateArray())
            {
                var text = string.Concat(codePoints[mark.GetProperty("start").GetInt32()..mark.GetProperty("end").GetInt32()]);
                Assert.Equal(mark.GetProperty("text").GetString(), text);
            }
        }
    }

    [Fact]
    public async Task Stats_count_by_day_type_country_and_province_for_the_filters()
    {
        var all = await GetJson("/api/stats");
        Assert.Equal(SamplesDatabase.StoreEvents().Count, all.GetProperty("total").GetInt32());
        Assert.Equal(
            all.GetProperty("total").GetInt32(),
            all.GetProperty("by_type").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(
            all.GetProperty("fatalities").GetInt32(),
            all.GetProperty("by_admin1").EnumerateArray().Sum(b => b.GetProperty("fatalities").GetInt32()));
        Assert.Equal(
            all.GetProperty("total").GetInt32() - all.GetProperty("undated").GetInt32(),
            all.GetProperty("by_day").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        var day = all.GetProperty("by_day").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2022-05-11");
        Assert.True(day.GetProperty("by_type").GetProperty("Battles").GetInt32() >= 1); // the Ataq clash

        var syria = await GetJson("/api/stats?country=SY");
        Assert.Equal(SamplesDatabase.StoreEvents(new Rasid.Storage.EventQuery { Country = "SY" }).Count, syria.GetProperty("total").GetInt32());
        Assert.Equal("SY", Assert.Single(syria.GetProperty("by_country").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal("SY-HM", Assert.Single(syria.GetProperty("by_admin1").EnumerateArray()).GetProperty("key").GetString());
    }

    [Fact]
    public async Task Export_streams_the_filtered_events_as_acled_csv()
    {
        using var response = await _client.GetAsync("/api/export?format=acled-csv&type=Battles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("event_id_cnty,event_date,year", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + SamplesDatabase.StoreEvents(new Rasid.Storage.EventQuery { Type = "Battles" }).Count(e => e.Event.Record.EventType == "Battles"), lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Battles,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_as_geojson_and_jsonl_holds_the_same_events()
    {
        var yemen = SamplesDatabase.StoreEvents(new Rasid.Storage.EventQuery { Country = "YE" }).Count;
        var geo = await GetJson("/api/export?format=geojson&country=YE");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(yemen, geo.GetProperty("features").GetArrayLength());
        using var response = await _client.GetAsync("/api/export?format=jsonl&country=YE");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(yemen, lines.Length);
        Assert.All(lines, l => Assert.Equal("Yemen", JsonDocument.Parse(l).RootElement.GetProperty("country").GetString()));
    }

    [Fact]
    public async Task Export_rejects_an_unknown_format()
    {
        await GetProblem("/api/export?format=xlsx", HttpStatusCode.BadRequest, "RSD5001");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var doc = await GetJson("/openapi.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/events", "/api/events/{id}", "/api/stats", "/api/extract", "/api/documents", "/api/export" })
        {
            Assert.True(paths.TryGetProperty(path, out _), "missing " + path);
        }

        var parameters = paths.GetProperty("/api/events").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("bbox", parameters);
        Assert.Contains("min_fatalities", parameters);
        Assert.Contains("q", parameters);
    }
}
