using Rasid.Actors;

namespace Rasid.Tests.Actors;

public sealed partial class ActorDictionaryTests
{
    private static ActorMention Only(string sentence) => Assert.Single(Find(sentence));

    [Theory]
    // The Houthi actor is renamed at the start of 2017; both entries carry the same aliases.
    [InlineData("قصف الحوثيون المدينة", "2015-06-01", "ye.houthis")]
    [InlineData("قصف الحوثيون المدينة", "2019-06-01", "ye.houthis.2017")]
    // Jabhat al Nusra becomes HTS in January 2017; Syrian media kept the old name.
    [InlineData("هاجمت جبهة النصرة مواقع في إدلب", "2015-06-01", "sy.nusra")]
    [InlineData("هاجمت جبهة النصرة مواقع في إدلب", "2018-06-01", "sy.hts")]
    // The Taliban become Afghanistan's state forces on 15 Aug 2021.
    [InlineData("هاجمت طالبان مركزا في كابول", "2019-06-01", "af.taliban")]
    [InlineData("هاجمت طالبان مركزا في كابول", "2022-06-01", "af.army.2021")]
    public void Resolution_picks_the_entry_valid_on_the_event_date(string sentence, string date, string id)
    {
        var mention = Only(sentence);

        var entry = Shipped.Resolve(mention, null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(id, entry.Id);
    }

    [Fact]
    public void Without_a_date_the_current_entry_wins()
    {
        Assert.Equal("ye.houthis.2017", Shipped.Resolve(Only("قصف الحوثيون المدينة"), "YE", null).Id);
    }

    [Theory]
    // A bare 'army' becomes the army of the event's country, and of its period.
    [InlineData("YE", "2016-03-01", "ye.army")]
    [InlineData("SY", "2016-03-01", "sy.army")]
    [InlineData("SY", "2025-03-01", "sy.army.2024")]
    [InlineData("SD", "2023-05-01", "sd.army.2019")]
    // No country-specific army for the country: the generic entry stays.
    [InlineData("BR", "2016-03-01", "gen.military")]
    [InlineData(null, "2016-03-01", "gen.military")]
    public void A_generic_actor_resolves_to_the_country_entry_that_stands_in_for_it(string? country, string date, string id)
    {
        var mention = Only("انتشر الجيش في الشوارع");

        Assert.Equal(id, Shipped.Resolve(mention, country, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Id);
    }

    [Fact]
    public void Resolution_by_country_picks_among_shared_aliases()
    {
        var mention = Assert.Single(Find("تقدم الجيش الوطني في بنغازي"), m => m.Candidates.Count > 1);

        Assert.Equal("ye.army", Shipped.Resolve(mention, "YE", null).Id);
        Assert.Equal("ly.lna", Shipped.Resolve(mention, "LY", null).Id);
    }

    [Theory]
    [InlineData("Civilians ({country})", "Yemen", "Civilians (Yemen)")]
    [InlineData("Civilians ({country})", null, "Civilians")]
    [InlineData("Military Forces of {country}", "Syria", "Military Forces of Syria")]
    [InlineData("Military Forces of {country}", "", "Military Forces")]
    [InlineData("Unidentified Armed Group ({country})", null, "Unidentified Armed Group")]
    [InlineData("Hezbollah", "Syria", "Hezbollah")]
    public void Display_name_fills_or_drops_the_country(string name, string? country, string expected)
    {
        var entry = new ActorEntry { Id = "t", Name = name, NameAr = "ت", Inter = 1 };

        Assert.Equal(expected, entry.DisplayName(country));
    }

    [Fact]
    public void Country_names_come_from_the_data()
    {
        Assert.Equal("Yemen", Shipped.CountryName("YE"));
        Assert.Equal("Civilians (Yemen)", Shipped.Get("gen.civilians")!.DisplayName(Shipped.CountryName("YE")));
        Assert.Null(Shipped.CountryName("XX"));
    }

    [Fact]
    public void Country_hints_rank_specific_actors_by_frequency()
    {
        var mentions = Find("قصف الحوثيون مواقع المقاومة وقتل مدنيين ورد الحوثيين على قوات النظام والقوات الأمريكية");

        var hints = Shipped.CountryHints(mentions);

        // YE twice (Houthis), then SY once (قوات النظام); civilians are generic and US forces external (inter 8).
        Assert.Equal(["YE", "SY"], hints);
    }

    [Fact]
    public void Country_hints_are_empty_when_only_generic_actors_appear()
    {
        Assert.Empty(Shipped.CountryHints(Find("أطلق مسلحون النار على مدنيين")));
    }
}
