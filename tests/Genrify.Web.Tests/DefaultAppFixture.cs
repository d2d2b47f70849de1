namespace Genrify.Web.Tests;

/// <summary>One app with the default limits, shared by the tests of a class.</summary>
public sealed class DefaultAppFixture : IAsyncLifetime
{
    internal TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
