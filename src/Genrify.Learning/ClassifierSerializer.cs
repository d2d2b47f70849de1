using System.Text.Json.Nodes;

namespace Genrify.Learning;

/// <summary>Reads back a classifier written by <see cref="IClassifier.ToJson"/>, dispatching on its "kind".</summary>
public static class ClassifierSerializer
{
    /// <summary>Writes the classifier with its kind, so <see cref="FromJson"/> can restore it.</summary>
    public static JsonObject ToJson(IClassifier classifier)
    {
        var body = classifier.ToJson();
        body["kind"] = classifier.Kind;
        return body;
    }

    /// <summary>Restores a classifier; throws <see cref="InvalidDataException"/> for an unknown or malformed entry.</summary>
    public static IClassifier FromJson(JsonObject json)
    {
        var kind = json["kind"]?.GetValue<string>()
                   ?? throw new InvalidDataException("classifier entry has no \"kind\"");
        return kind switch
        {
            "svm" => SvmClassifier.FromJson(json),
            "logreg" => LogisticRegressionClassifier.FromJson(json),
            "gbm" => LightGbmClassifier.FromJson(json),
            "ensemble" => SoftVotingClassifier.FromJson(json),
            "views" => ViewVotingClassifier.FromJson(json),
            _ => throw new InvalidDataException($"unknown classifier kind \"{kind}\""),
        };
    }
}
