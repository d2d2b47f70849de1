using Genrify;
using Genrify.Pipeline;

// Learn genres from a feature table (or a folder per genre, or a manifest), measure honestly, save, predict a song.
string source = args[0], modelFile = args[1], songFile = args[2];
var genrify = new GenrifyContext(seed: 0);
var songs = genrify.Data.Load(source);
var svm = genrify.Trainers.Svm();                            // or LightGbm(), LogisticRegression(), Named("auto")
var cv = genrify.Evaluation.CrossValidate(songs.Data, svm);  // the data's folds, else artists never in two folds
Console.WriteLine(cv);
genrify.Models.Train(songs, svm, cv).Save(modelFile);
var song = genrify.Models.Open(modelFile).PredictFile(songFile);
Console.WriteLine($"{song.File}: {song.Label} {song.Top.Probability:F2}");
