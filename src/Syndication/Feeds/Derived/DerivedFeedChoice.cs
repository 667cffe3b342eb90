namespace Syndication.Feeds.Derived;

/// <summary>
/// What a feed's <c>feed.json</c> says about the derived feeds its articles go to; a <see langword="null"/> switch
/// leaves the choice to <see cref="DerivedFeedOptions"/>.
/// </summary>
/// <param name="Tags">Whether its articles go to the feeds of their tags.</param>
/// <param name="Authors">Whether its articles go to the feeds of their authors.</param>
/// <param name="All">Whether its articles go to the feed of every article.</param>
internal sealed record DerivedFeedChoice(bool? Tags, bool? Authors, bool? All)
{
    /// <summary>No choice made: the newsroom's configuration decides.</summary>
    public static DerivedFeedChoice Unset { get; } = new(null, null, null);
}
