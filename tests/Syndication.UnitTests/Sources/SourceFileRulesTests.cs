using Syndication.Sources;

namespace Syndication.Tests.Sources;

public sealed class SourceFileRulesTests
{
    [Theory]
    // What a read finds: articles, definitions, folders
    [InlineData("world/001_story.md", true)]
    [InlineData("world/002_story.TXT", true)]
    [InlineData("world/feed.json", true)]
    [InlineData("world", true)]
    [InlineData("world/deeper", true)]
    // Drafts, and anything under a draft folder
    [InlineData("world/_draft.md", false)]
    [InlineData("world/.story.md", false)]
    [InlineData("_drafts/001_story.md", false)]
    [InlineData("world/_old/001_story.md", false)]
    [InlineData(".git/index", false)]
    [InlineData(".", false)]
    // Editor swap files and other tools' output
    [InlineData("world/.001_story.md.swp", false)]
    [InlineData("world/001_story.md~", false)]
    [InlineData("world/picture.jpg", false)]
    [InlineData("world/index.html", false)]
    public void MayChangeARead_Path_TellsWhetherTheWatcherPublishes(string path, bool counts) =>
        Assert.Equal(counts, SourceFileRules.MayChangeARead(path.Replace('/', Path.DirectorySeparatorChar)));
}
