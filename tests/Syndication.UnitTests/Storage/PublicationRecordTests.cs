using System.Text;
using Syndication.Articles;
using Syndication.Feeds.Derived;
using Syndication.Storage;

namespace Syndication.Tests.Storage;

public sealed class PublicationRecordTests
{
    private static readonly PublicationRecord Record = new(["p0", "p1"], new Dictionary<string, string> { ["f/rss.xml"] = "A", ["f/archive/1.xml"] = "B" })
    {
        Inputs = "inputs",
        State = "v7",
        Entries = 60,
    };

    [Fact]
    public void FromJson_WhatToJsonWrote_GivesTheSameRecord()
    {
        var read = PublicationRecord.FromJson(Record.ToJson());

        Assert.NotNull(read);
        Assert.Equal(Record.Pages, read.Pages);
        Assert.Equal(Record.Documents, read.Documents);
        Assert.Equal((Record.Inputs, Record.State, Record.Entries), (read.Inputs, read.State, read.Entries));
    }

    [Fact]
    public void FromJson_ARecordWithItsDefinition_GivesTheDefinitionWithEveryFieldAsWritten()
    {
        var definition = new FeedDefinition
        {
            Name = "world",
            Title = "World & more",
            Description = "News <of> the world",
            Link = new Uri("https://news.example.com/world/"),
            Language = "en-GB",
            Author = new Person("Desk", new Uri("https://news.example.com/desk/"), "desk@example.com"),
            ArticleLinkPattern = "https://news.example.com/a/{slug}.html",
            Icon = new Uri("https://news.example.com/icon.png"),
            Logo = new Uri("https://news.example.com/logo.png"),
            TimeToLive = TimeSpan.FromMinutes(90),
            Derived = new DerivedFeedChoice(true, null, false),
        };

        var read = PublicationRecord.FromJson((Record with { Definition = definition }).ToJson());

        Assert.Equal(definition, read?.Definition);
    }

    [Fact]
    public void FromJson_ARecordWrittenBeforeDefinitionsWereKept_HasNoDefinition() =>
        Assert.Null(PublicationRecord.FromJson(Record.ToJson())?.Definition);

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"pages":["p0"]}""")]
    [InlineData("null")]
    public void FromJson_NotARecord_IsNullSoTheFeedIsRendered(string json) =>
        Assert.Null(PublicationRecord.FromJson(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Holds_SameFingerprintAndDocumentsStoredAsWritten_IsTrue() =>
        Assert.True(Record.Holds(1, "p1", ["f/archive/1.xml"], new Dictionary<string, string> { ["f/archive/1.xml"] = "B" }));

    [Theory]
    [InlineData(1, "p1 changed", "B")] // the page's inputs changed
    [InlineData(1, "p1", "changed")] // the stored document is not as written
    [InlineData(2, "p2", "B")] // a page the record does not know
    public void Holds_AnythingDiffers_IsFalse(int page, string fingerprint, string storedHash) =>
        Assert.False(Record.Holds(page, fingerprint, ["f/archive/1.xml"], new Dictionary<string, string> { ["f/archive/1.xml"] = storedHash }));

    [Fact]
    public void IsStoredIn_ExactlyTheDocumentsWritten_IsTrue() =>
        Assert.True(Record.IsStoredIn(new Dictionary<string, string> { ["f/rss.xml"] = "A", ["f/archive/1.xml"] = "B", ["f/logo.png"] = "C" }, name => name != "f/logo.png"));

    [Fact]
    public void IsStoredIn_AnOwnedDocumentNotWritten_IsFalse() =>
        Assert.False(Record.IsStoredIn(new Dictionary<string, string> { ["f/rss.xml"] = "A", ["f/archive/1.xml"] = "B", ["f/archive/2.xml"] = "C" }, _ => true));

    [Fact]
    public void IsStoredIn_ADocumentMissing_IsFalse() =>
        Assert.False(Record.IsStoredIn(new Dictionary<string, string> { ["f/rss.xml"] = "A" }, _ => true));
}
