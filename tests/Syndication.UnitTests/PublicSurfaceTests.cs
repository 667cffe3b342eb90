using Syndication.Publishing;

namespace Syndication.Tests;

/// <summary>
/// The library's public surface is what the worker uses and what callers configure; everything else is internal, so
/// a type made public by accident shows here (as Polly tracks its surface in PublicAPI files).
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void Core_ExportsOnlyThePublishingEntryPointsOptionsAndReports()
    {
        string[] expected =
        [
            "Syndication.Articles.ArticleParserOptions",
            "Syndication.Articles.DiagnosticSeverity",
            "Syndication.Articles.SourceDiagnostic",
            "Syndication.Feeds.Derived.DerivedFeedOptions",
            "Syndication.Feeds.Related.RelatedOptions",
            "Syndication.Formats.DocumentKind",
            "Syndication.Formats.FeedGenerator",
            "Syndication.Publishing.CatalogValidator",
            "Syndication.Publishing.DeletionOptions",
            "Syndication.Publishing.FeedPublishResult",
            "Syndication.Publishing.FeedPublisher",
            "Syndication.Publishing.HeldArticle",
            "Syndication.Publishing.NoFeedsFoundException",
            "Syndication.Publishing.PublishReport",
            "Syndication.Publishing.SettingFailures",
            "Syndication.Publishing.SourceOptions",
            "Syndication.Publishing.SyndicationMetrics",
            "Syndication.Publishing.SyndicationOptions",
            "Syndication.Publishing.SyndicationOptionsValidator",
            "Syndication.Publishing.ValidationReport",
            "Syndication.Publishing.WebSubOptions",
            "Syndication.PublishingServiceCollectionExtensions",
            "Syndication.Sources.SourceFileRules",
            "Syndication.Storage.PublicAccess",
            "Syndication.Storage.PublicAccessNotPermittedException",
            "Syndication.Storage.PublicStateContainerException",
            "Syndication.Storage.StorageException",
            "Syndication.Storage.StorageOptions",
        ];

        var exported = typeof(FeedPublisher).Assembly.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal);

        Assert.Equal(expected, exported);
    }
}
