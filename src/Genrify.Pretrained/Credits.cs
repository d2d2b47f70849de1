namespace Genrify.Pretrained;

/// <summary>The credits the pretrained networks' licences ask for, in one place for the CLI, the web page and the docs.</summary>
public static class Credits
{
    /// <summary>One line naming the shipped network, its authors and its licence.</summary>
    public const string MusiCnn =
        "MusiCNN by J. Pons and X. Serra (Music Technology Group, Universitat Pompeu Fabra, 2019), Keras port by E. Quinton, " +
        "ISC licence; see THIRD-PARTY-NOTICES";
}
