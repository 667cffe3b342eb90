using Syndication.Publishing;

namespace Syndication.Tests.Publishing;

/// <summary><c>Syndication:StatePath</c> is checked at start: the private files never go where they would be served or read as a feed.</summary>
public sealed class StatePathValidationTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("syndication-statepath-").FullName;

    private string Output => Path.Combine(_parent, "site");

    private string Feeds => Path.Combine(_parent, "feeds");

    public StatePathValidationTests() => Directory.CreateDirectory(Feeds);

    [Fact]
    public void Validate_DefaultStatePath_Succeeds() =>
        Assert.True(Validate(o => o.StatePath = null).Succeeded);

    [Fact]
    public void Validate_StatePathBesideTheOutputFolder_Succeeds() =>
        Assert.True(Validate(o => o.StatePath = Path.Combine(_parent, "private")).Succeeded);

    [Theory]
    [InlineData("site")]
    [InlineData("site/.state")]
    [InlineData("site/a/b")]
    public void Validate_StatePathInsideTheOutputFolder_FailsNamingBothPaths(string state)
    {
        var result = Validate(o => o.StatePath = Path.Combine(_parent, state));

        Assert.False(result.Succeeded);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Syndication:StatePath", failure, StringComparison.Ordinal);
        Assert.Contains($"'{Path.Combine(_parent, state)}'", failure, StringComparison.Ordinal);
        Assert.Contains($"'{Output}'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StatePathContainingTheOutputFolder_Fails() =>
        Assert.False(Validate(o => o.StatePath = _parent).Succeeded);

    [Theory]
    [InlineData("feeds")]
    [InlineData("feeds/private")]
    public void Validate_StatePathInTheFeedsFolder_FailsNamingBothPaths(string state)
    {
        var result = Validate(o => o.StatePath = Path.Combine(_parent, state));

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Syndication:FeedsPath", failure, StringComparison.Ordinal);
        Assert.Contains($"'{Path.Combine(_parent, state)}'", failure, StringComparison.Ordinal);
        Assert.Contains($"'{Feeds}'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feeds")]
    [InlineData("feeds/site")]
    [InlineData("")]
    public void Validate_OutputFolderOverlappingTheFeedsFolder_FailsNamingBothPaths(string output)
    {
        var served = Path.TrimEndingDirectorySeparator(Path.Combine(_parent, output));
        var result = Validate(o =>
        {
            o.OutputPath = served;
            o.StatePath = Path.Combine(Path.GetTempPath(), "syndication-statepath-elsewhere");
        });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Syndication:OutputPath (--out)", failure, StringComparison.Ordinal);
        Assert.Contains($"'{served}'", failure, StringComparison.Ordinal);
        Assert.Contains($"'{Feeds}'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StatePathWithoutOutputPath_FailsNamingTheStateContainer()
    {
        var result = Validate(o =>
        {
            o.OutputPath = null;
            o.Storage.ConnectionString = "UseDevelopmentStorage=true";
            o.StatePath = Path.Combine(_parent, "private");
        });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Syndication:StatePath (--state) is only used with Syndication:OutputPath (--out)", failure, StringComparison.Ordinal);
        Assert.Contains("Syndication:Storage:StateContainer", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutputFolderIsARootWithoutStatePath_AsksForIt()
    {
        var result = Validate(o => o.OutputPath = Path.GetPathRoot(_parent));

        Assert.Contains(result.Failures!, f => f.StartsWith("Syndication:StatePath (--state) must be set", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate(Action<SyndicationOptions> change)
    {
        var options = new SyndicationOptions { FeedsPath = Feeds, OutputPath = Output };
        change(options);
        return new SyndicationOptionsValidator().Validate(null, options);
    }
}
