using Syndication.Articles;
using Syndication.Publishing;
using Syndication.Worker;

namespace Syndication.Tests.Worker;

public sealed class ExitCodesTests
{
    private static readonly SourceDiagnostic Error = new(DiagnosticSeverity.Error, "a/one.txt", 1, "the file is empty");
    private static readonly SourceDiagnostic Warning = new(DiagnosticSeverity.Warning, "a/two.txt", 5, "related title 'x' matches no article");

    // The numbers are a public contract (scripts and probes test them), so they are spelled out here.
    [Fact]
    public void Codes_AreTheDocumentedNumbers() =>
        Assert.Equal((0, 1, 1, 2, 2, 130), (ExitCodes.Success, ExitCodes.Failed, ExitCodes.InvalidConfiguration, ExitCodes.PartlyPublished, ExitCodes.Warnings, ExitCodes.Stopped));

    public static TheoryData<SourceDiagnostic[], int> ValidationOutcomes => new()
    {
        { [], 0 },
        { [Warning], 2 },
        { [Error], 1 },
        { [Warning, Error], 1 },
    };

    [Theory]
    [MemberData(nameof(ValidationOutcomes))]
    public void Of_ValidationReport_GivesTheWorstSeverity(SourceDiagnostic[] diagnostics, int expected) =>
        Assert.Equal(expected, ExitCodes.Of(new ValidationReport("feeds", 1, 2, diagnostics)));

    public static TheoryData<bool, SourceDiagnostic[], int> PublishOutcomes => new()
    {
        { true, [], 0 },
        { true, [Warning], 0 },
        { true, [Error], 2 },
        { false, [], 1 },
        { false, [Error], 1 },
    };

    [Theory]
    [MemberData(nameof(PublishOutcomes))]
    public void Of_PublishReport_FailsOnAFeedAndIsPartialOnASkippedFile(bool feedPublished, SourceDiagnostic[] diagnostics, int expected)
    {
        var feeds = new[] { Feed("a", null), Feed("b", feedPublished ? null : "storage refused it") };

        Assert.Equal(expected, ExitCodes.Of(new PublishReport(feeds, diagnostics, [])));
    }

    [Theory]
    [InlineData("feeds/c/feed.json", 1)]
    [InlineData("feeds/c/one.txt", 2)]
    public void Of_PublishReport_AFeedSkippedForItsDefinitionIsNotPublished(string file, int expected)
    {
        var report = new PublishReport([Feed("a", null)], [new SourceDiagnostic(DiagnosticSeverity.Error, file, 1, "malformed JSON")], []);

        Assert.Equal(expected, ExitCodes.Of(report));
        Assert.Equal(expected == 1 ? ["c"] : [], Syndication.Worker.Commands.PublishSummary.NotPublished(report).Select(f => f.Feed));
    }

    [Fact]
    public void Of_PublishReport_AFeedPublishedFromItsLastGoodDefinitionFailsTheRunThoughItIsPublished()
    {
        var broken = new SourceDiagnostic(DiagnosticSeverity.Error, "feeds/a/feed.json", 1, "malformed JSON");
        var report = new PublishReport([Feed("a", null)], [broken], []);

        Assert.Equal(ExitCodes.Failed, ExitCodes.Of(report));
        Assert.Empty(Syndication.Worker.Commands.PublishSummary.NotPublished(report));
        Assert.Equal([broken], Syndication.Worker.Commands.PublishSummary.BrokenDefinitions(report));
    }

    private static FeedPublishResult Feed(string name, string? error) => new(name, 3, [], 4, 0, error);
}
