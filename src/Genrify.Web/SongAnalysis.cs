using Genrify.Explore;
using Genrify.Learning;

namespace Genrify.Web;

/// <summary>What <c>POST /api/predict</c> answers: the genres, what the clip sounds like, and which model said so.</summary>
/// <param name="File">The uploaded file's name, sanitised (echoed only, never used as a path).</param>
/// <param name="Duration">Seconds of audio analysed.</param>
/// <param name="Genres">Genres, most likely first (all of them, or the <c>top</c> asked for).</param>
/// <param name="Warnings">What went wrong but did not stop the prediction (a truncated file, a header that overclaims).</param>
/// <param name="Features">A few telling features of the clip.</param>
/// <param name="Spectrogram">The clip's log-mel spectrogram as a picture.</param>
/// <param name="Model">The model that answered.</param>
/// <param name="ElapsedMilliseconds">Time spent decoding and analysing (queueing excluded).</param>
/// <param name="Label">The top genre as people say it ("rock › metal").</param>
/// <param name="MultiLabel">True when each genre's probability stands alone, so several can be high.</param>
/// <param name="Fits">The genres that fit the song, top first.</param>
/// <param name="Tags">Finer tags the model heard, strongest first (empty for classifiers).</param>
/// <param name="Neighbours">The nearest songs of the collection the server knows (the model's training songs, or
/// <c>--collection</c>), nearest first; empty when it knows none (<paramref name="Notes"/> says why).</param>
/// <param name="Space">What the neighbours are compared by ("the model's 'gtzan' features, standardised as the model
/// does"), or null when the model has no such space.</param>
/// <param name="Drivers">For a feature model, the feature groups whose replacement by other songs' values moves the
/// top genre's probability most, largest change first (<see cref="FeatureContribution.Delta"/>: positive when the
/// song's values speak for the genre); empty for the default model, whose drivers are its <paramref name="Tags"/>.</param>
/// <param name="Notes">Why a part of the explanation is missing.</param>
public sealed record SongAnalysis(
    string File,
    double Duration,
    IReadOnlyList<GenrePrediction> Genres,
    IReadOnlyList<string> Warnings,
    TellingFeatures Features,
    SpectrogramPicture Spectrogram,
    ModelSummary Model,
    double ElapsedMilliseconds,
    string Label,
    bool MultiLabel,
    IReadOnlyList<GenrePrediction> Fits,
    IReadOnlyList<GenrePrediction> Tags,
    IReadOnlyList<Neighbour> Neighbours,
    string? Space,
    IReadOnlyList<FeatureContribution> Drivers,
    IReadOnlyList<string> Notes);

/// <summary>Features a listener can relate to.</summary>
/// <param name="TempoBpm">Estimated tempo (librosa.feature.tempo), beats per minute.</param>
/// <param name="LoudnessDbfs">RMS level of the whole clip in dB relative to full scale; null for digital silence.</param>
/// <param name="BrightnessHz">Mean spectral centroid in Hz: higher sounds brighter.</param>
public sealed record TellingFeatures(double TempoBpm, double? LoudnessDbfs, double BrightnessHz);

/// <summary>A log-mel spectrogram rendered as a PNG (low frequencies at the bottom, time left to right).</summary>
/// <param name="Png">The PNG, base64 (put it in a <c>data:image/png;base64,</c> URL).</param>
/// <param name="Width">Image width in pixels (time columns; long clips are pooled to at most <see cref="SpectrogramRenderer.MaxWidth"/>).</param>
/// <param name="Height">Image height in pixels (one row per mel band).</param>
/// <param name="Seconds">Seconds the picture spans.</param>
/// <param name="MaxFrequencyHz">Frequency of the top row (half the sample rate).</param>
/// <param name="DbRange">dB below the loudest cell that maps to black.</param>
public sealed record SpectrogramPicture(string Png, int Width, int Height, double Seconds, double MaxFrequencyHz, double DbRange);
