using Rasid.Text;


namespace Rasid.Places;

/// <summary>Maps a chosen gazetteer place to the <see cref="ResolvedPlace"/> the output carries (names, codes, precision).</summary>
internal static class PlaceOutput
{
    /// <summary>The output place of mention <paramref name="m"/> resolved to <paramref name="p"/>: its text as written, precision by type.</summary>
    internal static ResolvedPlace ToResolved(Gazetteer gazetteer, AnalyzedText text, PlaceMention m, GazetteerPlace p, string reason)
    {
        var original = text.Normalized.ToOriginal(m.Span);
        var locationAr = text.Original[original.Start..original.End].Trim();
        var precision = p.FeatureType switch
        {
            FeatureTypes.Country or FeatureTypes.Admin1 => 3,
            FeatureTypes.Region => p.Admin2Code is null ? 3 : 2,
            FeatureTypes.Admin2 or FeatureTypes.Admin3 => 2,
            _ => 1,
        };
        if (m.Modifier is not null)
        {
            precision = Math.Max(precision, 2);
        }

        return Make(gazetteer, p, locationAr, precision, m.Span, reason);
    }

    /// <summary>The output place for <paramref name="p"/> with the given text, precision, span and reason.</summary>
    internal static ResolvedPlace Make(Gazetteer gazetteer, GazetteerPlace p, string locationAr, int precision, TextSpan span, string reason)
    {
        var a1 = gazetteer.Admin(p.Admin1Code);
        var a2 = gazetteer.Admin(p.Admin2Code);
        var a3 = gazetteer.Admin(p.Admin3Code);
        // Palestine's ISO 3166-2 units are its 16 governorates, which the gazetteer files as admin2 under the Gaza Strip
        // and the West Bank: a governorate's code wins (Beit Lahia is PS-NGZ, North Gaza, not PS-GZA).
        var iso = a2?.Iso ?? a1?.Iso;
        return new ResolvedPlace
        {
            Country = gazetteer.CountryOf(p.Country)?.NameEn ?? gazetteer.CountryPlace(p.Country)?.NameEn ?? p.Country,
            Iso2 = p.Country,
            Admin1 = a1?.NameEn,
            Admin1Code = iso,
            Admin2 = a2?.NameEn,
            Admin3 = a3?.NameEn,
            Location = gazetteer.EnglishName(p, a3, a2, a1),
            LocationAr = locationAr,
            Latitude = p.Latitude,
            Longitude = p.Longitude,
            GeoPrecision = precision,
            FeatureType = p.FeatureType,
            Span = span,
            Reason = reason,
        };
    }
}