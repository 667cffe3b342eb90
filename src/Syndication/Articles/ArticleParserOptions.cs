using System.ComponentModel.DataAnnotations;

namespace Syndication.Articles;

/// <summary>Limits applied while reading article files.</summary>
public sealed class ArticleParserOptions
{
    /// <summary>The largest article file read, in bytes; larger files are skipped with an error.</summary>
    /// <value>The default value is 4 MiB; at most 1 GiB, as a file is read into one array.</value>
    [Range(typeof(long), "1", "1073741824")]
    public long MaxFileBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most related links the editor's lines and front matter may give one article; the rest are dropped with a warning.</summary>
    /// <value>The default value is 20; from 0 (none) to 1,000.</value>
    [Range(0, 1_000)]
    public int MaxRelated { get; set; } = 20;

    /// <summary>The longest summary taken from the first paragraph, in characters.</summary>
    /// <value>The default value is 280.</value>
    [Range(20, int.MaxValue)]
    public int SummaryLength { get; set; } = 280;
}
