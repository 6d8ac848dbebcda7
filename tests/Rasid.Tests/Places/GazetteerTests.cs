using Rasid.Data;
using Rasid.Places;

namespace Rasid.Tests.Places;

public class GazetteerTests
{
    private static Gazetteer G => PlacesTestData.Resolver.Gazetteer;

    [Fact]
    public void Loads_tens_of_thousands_of_places_with_their_admin_units()
    {
        Assert.True(G.Places.Count > 50_000, $"only {G.Places.Count} places");
        Assert.Equal("admin1", G.Admin("YE14")!.Level);
        Assert.Equal("Al Bayda", G.Admin("YE14")!.NameEn);
    }

    [Theory]
    [InlineData("YE19", "YE-HD")] // Hadramawt: HASC YE.HA would wrongly give YE-HA
    [InlineData("YE30", "YE-DA")] // Ad Dali': HASC YE.DL
    [InlineData("YE23", "YE-SN")] // Sana'a governorate: HASC YE.NA
    [InlineData("YE13", "YE-SA")] // Amanat al-Asimah (Sana'a city)
    [InlineData("SY07", "SY-ID")] // Idlib
    [InlineData("PS.GZ", "PS-GZA")] // Gaza Strip
    public void Admin1_codes_map_to_ISO_3166_2_from_the_table_not_from_HASC(string code, string iso)
    {
        Assert.Equal(iso, G.Admin(code)!.Iso);
    }

    [Fact]
    public void Countries_have_English_names_and_centroids()
    {
        Assert.Equal("Yemen", G.CountryOf("YE")!.NameEn);
        var yemen = G.CountryPlace("YE")!;
        Assert.InRange(yemen.Latitude, 12, 19);
        Assert.InRange(yemen.Longitude, 42, 54);
    }

    [Fact]
    public void Regional_aliases_become_regions_of_their_governorate()
    {
        var rif = G.Places.Single(p => p.FeatureType == "region" && p.NameAr == "ريف حماه");
        Assert.Equal("SY05", rif.Admin1Code);
        Assert.Equal("SY", rif.Country);
    }

    [Fact]
    public void Missing_data_folder_fails_loudly()
    {
        var empty = Path.Combine(Path.GetTempPath(), "rasid-empty-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        try
        {
            Assert.ThrowsAny<IOException>(() => PlaceResolver.Load(new DirectoryDataSource(empty)));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
