namespace Syndication.Articles;

/// <summary>How an article's body is written, decided by the file's extension.</summary>
internal enum ArticleFormat
{
    /// <summary><c>.txt</c>: the first line is the title, blank lines separate paragraphs, all of it is text.</summary>
    PlainText,

    /// <summary><c>.md</c>: Markdown (CommonMark and common extensions); raw HTML is sanitised.</summary>
    Markdown,
}
