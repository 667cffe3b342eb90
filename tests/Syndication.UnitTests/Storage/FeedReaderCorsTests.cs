using Azure.Storage.Blobs.Models;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

public sealed class FeedReaderCorsTests
{
    private static BlobCorsRule Other() => new()
    {
        AllowedOrigins = "https://newsroom.example",
        AllowedMethods = "GET,PUT",
        AllowedHeaders = "x-ms-*",
        ExposedHeaders = "x-ms-*",
        MaxAgeInSeconds = 60,
    };

    [Fact]
    public void Merge_NoRules_AddsTheRule()
    {
        var rules = FeedReaderCors.Merge([])!;

        var rule = Assert.Single(rules);
        Assert.Equal(("*", "GET,HEAD", "ETag,Last-Modified,Content-Type"), (rule.AllowedOrigins, rule.AllowedMethods, rule.ExposedHeaders));
    }

    [Fact]
    public void Merge_OtherRules_KeepsThemAndAddsTheRuleAfter()
    {
        var rules = FeedReaderCors.Merge([Other()])!;

        Assert.Equal(["https://newsroom.example", "*"], rules.Select(r => r.AllowedOrigins));
        Assert.Equal("GET,PUT", rules[0].AllowedMethods);
    }

    [Fact]
    public void Merge_TheRuleAlreadyThere_ChangesNothing() =>
        Assert.Null(FeedReaderCors.Merge([Other(), FeedReaderCors.Rule]));

    [Fact]
    public void Merge_TheRuleWithOtherCaseAndOrder_ChangesNothing()
    {
        var rule = FeedReaderCors.Rule;
        rule.AllowedMethods = "head, get";
        rule.ExposedHeaders = "content-type,ETag,last-modified";

        Assert.Null(FeedReaderCors.Merge([rule]));
    }

    [Fact]
    public void Merge_AnOlderVersionOfTheRule_ReplacesItInPlace()
    {
        var older = FeedReaderCors.Rule;
        older.ExposedHeaders = "ETag";
        older.MaxAgeInSeconds = 5;

        var rules = FeedReaderCors.Merge([older, Other()])!;

        Assert.Equal(["*", "https://newsroom.example"], rules.Select(r => r.AllowedOrigins));
        Assert.Equal(("ETag,Last-Modified,Content-Type", FeedReaderCors.MaxAgeInSeconds), (rules[0].ExposedHeaders, rules[0].MaxAgeInSeconds));
    }

    [Fact]
    public void Merge_TheRuleTwice_KeepsOne() =>
        Assert.Single(FeedReaderCors.Merge([FeedReaderCors.Rule, FeedReaderCors.Rule])!);

    [Theory]
    [InlineData("*", "GET")]
    [InlineData("*", "GET,HEAD,OPTIONS")]
    [InlineData("https://reader.example", "GET,HEAD")]
    public void Merge_AnotherRuleForGet_IsSomeoneElsesAndKept(string origins, string methods)
    {
        var theirs = new BlobCorsRule { AllowedOrigins = origins, AllowedMethods = methods, AllowedHeaders = "", ExposedHeaders = "", MaxAgeInSeconds = 1 };

        var rules = FeedReaderCors.Merge([theirs])!;

        Assert.Equal(2, rules.Count);
        Assert.Same(theirs, rules[0]);
    }
}
