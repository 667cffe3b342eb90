namespace Syndication.Publishing;

/// <summary>A run would remove more of a feed than <see cref="DeletionOptions"/> allows; the feed is left as it is.</summary>
internal sealed class MassDeletionRefusedException : Exception
{
    /// <summary>Creates the exception for <paramref name="feed"/>.</summary>
    public MassDeletionRefusedException(string feed, int removed, int published)
        : base($"Refusing to remove {removed} of the {published} entries of feed '{feed}' in one run " +
               "(more than Syndication:Deletion:MaxCount allow, or at least Syndication:Deletion:MinCount and more than Syndication:Deletion:MaxShare of the feed); " +
               "check the feed's folder, or run with --allow-mass-delete if the removal is intended.")
    {
        Feed = feed;
        Removed = removed;
        Published = published;
    }

    /// <summary>The feed.</summary>
    public string Feed { get; }

    /// <summary>How many entries the run would remove.</summary>
    public int Removed { get; }

    /// <summary>How many entries the feed has published.</summary>
    public int Published { get; }
}
