namespace Syndication.Sources;

/// <summary>A folder of a source as <see cref="SourceFileRules"/> sees it: a feed when it has a definition.</summary>
/// <param name="Name">The folder's name, the feed's name.</param>
/// <param name="Definition">Its <c>feed.json</c>, if it has one.</param>
/// <param name="Articles">Its article files, in order.</param>
internal sealed record FeedFolder(string Name, SourceFile? Definition, IReadOnlyList<SourceFile> Articles)
{
    /// <summary>The feed folders of a listing, in order.</summary>
    public static List<FeedFolder> Of(IEnumerable<SourceFolder> listing) =>
    [
        .. listing
            .Where(folder => SourceFileRules.IsFeedFolder(folder.Name))
            .OrderBy(folder => folder.Name, SourceFileRules.Order)
            .Select(folder => new FeedFolder(
                folder.Name,
                folder.Files.FirstOrDefault(file => SourceFileRules.IsFeedDefinition(file.Name)),
                [.. folder.Files.Where(file => SourceFileRules.IsArticle(file.Name)).OrderBy(file => file.Name, SourceFileRules.Order)])),
    ];
}
