using System.Globalization;
using System.Text;

namespace Genrify.Collect.Catalogs;

/// <summary>What a collection run found: per genre the rows and the songs passed over, and plain notes.</summary>
/// <param name="Source">The source's name.</param>
/// <param name="Genres">One report per requested genre, in the requested order.</param>
/// <param name="SkippedTracks">Every song passed over, in the order offered.</param>
/// <param name="Notes">Plain sentences about the run worth telling the user (e.g. that the source served no previews).</param>
public sealed record CatalogReport(
    string Source,
    IReadOnlyList<GenreCollectReport> Genres,
    IReadOnlyList<SkippedTrack> SkippedTracks,
    IReadOnlyList<string> Notes)
{
    /// <summary>The report as lines of text for a terminal: one line per genre, then the notes.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var g in Genres)
        {
            text.Append(CultureInfo.InvariantCulture, $"{g.Genre} ({Source} \"{g.SourceGenre.Name}\"): {g.Found} of {g.Requested}");
            if (g.Skipped.Count > 0)
                text.Append("; skipped ").AppendJoin(", ", g.Skipped.OrderBy(s => s.Key).Select(s => $"{s.Value} {Words(s.Key)}"));
            text.AppendLine();
        }
        foreach (string note in Notes)
            text.AppendLine(note);
        return text.ToString();
    }

    /// <summary>A reason in words, as the report prints it.</summary>
    public static string Words(CatalogSkipReason reason) => reason switch
    {
        CatalogSkipReason.NoPreview => "without preview",
        CatalogSkipReason.ArtistCap => "over the per-artist cap",
        CatalogSkipReason.OtherGenre => "filed under another genre",
        CatalogSkipReason.Duplicate => "offered twice",
        _ => reason.ToString(),
    };
}
