namespace Genrify.Learning.Tests;

/// <summary>Genres are listed by probability and, between equal probabilities, by name: the same list whatever the class order.</summary>
public sealed class GenreRankingTests
{
    [Fact]
    public void A_model_lists_genres_it_gives_equal_probability_by_name_whatever_its_class_order()
    {
        // A nearest-neighbour model gives the nearest row's genre 1 and every other genre exactly 0: a four-way tie.
        double[][] rows = [[0.0], [1.0], [2.0], [3.0], [4.0]];
        string[] classes = ["rock", "blues", "pop", "art", "Zydeco"];
        var classifier = new NearestNeighbourTrainer().Fit(rows, [0, 1, 2, 3, 4], classes.Length);
        var model = new GenreModel("seed", null, ["x"], null, classes, classifier, "1-nn");

        var ranked = model.Predict([2.1]);

        Assert.Equal(["pop", "Zydeco", "art", "blues", "rock"], ranked.Select(g => g.Genre));
        Assert.Equal([1.0, 0, 0, 0, 0], ranked.Select(g => g.Probability));
    }

    [Fact]
    public void The_rank_orders_by_probability_then_by_ordinal_name()
    {
        GenrePrediction[] given = [new("jazz", 0.25), new("Blues", 0.25), new("rock", 0.5), new("blues", 0.25), new("ambient", 0.0)];

        var ranked = GenreRanking.Rank(given);

        Assert.Equal(["rock", "Blues", "blues", "jazz", "ambient"], ranked.Select(g => g.Genre));
        Assert.Equal(ranked, GenreRanking.Rank(given.Reverse()));
    }

    [Fact]
    public void A_preference_decides_a_tie_before_the_name_does()
    {
        (string Name, double P, bool Family)[] given = [("metal", 0.75, false), ("rock", 0.75, true), ("jazz", 0.75, true), ("pop", 0.8, false)];

        var ranked = GenreRanking.Rank(given, g => new GenrePrediction(g.Name, g.P), g => g.Family ? 0 : 1);

        Assert.Equal(["pop", "jazz", "rock", "metal"], ranked.Select(g => g.Name));
    }
}
