namespace Syndication.Tests.Feeds;

public sealed class FeedEntryTests
{
    private int _made;

    private Syndication.Feeds.FeedEntry Entry() => TestEntries.Entry(1) with
    {
        MakeContentHtml = () =>
        {
            _made++;
            return "<p>Body.</p>";
        },
    };

    [Fact]
    public void ContentHtml_ReadSeveralTimes_IsMadeOnce()
    {
        var entry = Entry();

        Assert.Equal(entry.ContentHtml, entry.ContentHtml);
        Assert.Equal(1, _made);
    }

    [Fact]
    public void WithContent_TheCopyHoldsTheHtmlAndTheEntryDoesNot()
    {
        var entry = Entry();

        var copy = entry.WithContent();
        _ = copy.ContentHtml;
        Assert.Equal(1, _made);

        _ = entry.ContentHtml; // made again: the entry kept nothing when the copy was made
        Assert.Equal(2, _made);
    }

    [Fact]
    public void ContentHtml_NeitherGivenNorMade_NamesTheEntry()
    {
        var entry = TestEntries.Entry(1) with { MakeContentHtml = null };

        var error = Assert.Throws<InvalidOperationException>(() => entry.ContentHtml);

        Assert.Contains(entry.Id.AbsoluteUri, error.Message, StringComparison.Ordinal);
    }
}
