using Syndication.Publishing;

namespace Syndication.Tests.Publishing;

public sealed class DeletionOptionsTests
{
    [Theory]
    [InlineData(1, 5)] // a small feed losing one article
    [InlineData(19, 20)] // one removal short of MinCount, whatever the share
    [InlineData(25, 1000)] // at least MinCount, but 2.5 % of the feed
    [InlineData(100, 1000)] // exactly MaxShare and MaxCount
    [InlineData(0, 0)]
    public void Allows_ByDefault_AllowsFewRemovalsOrASmallShare(int removed, int published) =>
        Assert.True(new DeletionOptions().Allows(removed, published));

    [Theory]
    [InlineData(500, 1000)] // half of a large feed
    [InlineData(20, 20)] // MinCount reached, and all of the feed
    [InlineData(21, 200)] // MinCount reached, 10.5 % of the feed
    [InlineData(101, 5000)] // 2 % of the feed, but more than MaxCount
    public void Allows_ByDefault_RefusesManyRemovalsThatAreALargeShareOrTooMany(int removed, int published) =>
        Assert.False(new DeletionOptions().Allows(removed, published));

    [Fact]
    public void Allows_FewerRemovalsThanMinCount_StillRefusedAboveMaxCount() =>
        Assert.False(new DeletionOptions { MinCount = 50, MaxCount = 10 }.Allows(11, 12));

    [Fact]
    public void Allows_MinCountZero_ChecksTheShareOfEveryRemoval() =>
        Assert.False(new DeletionOptions { MinCount = 0 }.Allows(1, 5));

    [Fact]
    public void Allows_AllowMassDelete_AllowsRemovingEverything() =>
        Assert.True(new DeletionOptions { AllowMassDelete = true }.Allows(5000, 5000));
}
