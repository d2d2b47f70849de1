namespace Genrify.Web.Tests;

public class RequestDeadlineTests
{
    [Fact]
    public void A_deadline_within_its_limit_lets_the_job_go_on()
    {
        using var deadline = new RequestDeadline(TimeSpan.FromMinutes(5), CancellationToken.None);
        deadline.ThrowIfPassed();
        Assert.False(deadline.Passed);
        Assert.False(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void Past_its_limit_a_deadline_stops_the_job_by_the_clock_even_before_its_timer_has_fired()
    {
        using var deadline = new RequestDeadline(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        Thread.Sleep(60);
        // Whether or not the timer callback has run yet, the clock says the limit has passed.
        Assert.True(deadline.Passed);
        var stop = Assert.Throws<OperationCanceledException>(deadline.ThrowIfPassed);
        Assert.Equal(deadline.Token, stop.CancellationToken);
    }

    [Fact]
    public void A_deadline_disposed_by_its_finished_request_still_stops_a_job_that_outlived_it()
    {
        var deadline = new RequestDeadline(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        deadline.Dispose();
        Thread.Sleep(60);
        Assert.Throws<OperationCanceledException>(deadline.ThrowIfPassed);
    }

    [Fact]
    public void A_client_going_away_fires_the_deadline_at_once()
    {
        using var client = new CancellationTokenSource();
        using var deadline = new RequestDeadline(TimeSpan.FromMinutes(5), client.Token);
        client.Cancel();
        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.False(deadline.Passed);
        Assert.Throws<OperationCanceledException>(deadline.ThrowIfPassed);
    }

    [Fact]
    public void The_server_stopping_fires_the_deadline_at_once()
    {
        // The token the analysis (and the decoder inside it) stops on: a stopping server cuts every job short.
        using var stopping = new CancellationTokenSource();
        using var deadline = new RequestDeadline(TimeSpan.FromMinutes(5), CancellationToken.None, stopping.Token);
        Assert.False(deadline.Token.IsCancellationRequested);
        stopping.Cancel();
        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.Throws<OperationCanceledException>(deadline.ThrowIfPassed);
    }

    [Fact]
    public void A_limit_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestDeadline(TimeSpan.Zero, CancellationToken.None));
    }
}
