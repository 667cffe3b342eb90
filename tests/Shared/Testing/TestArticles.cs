using Syndication.Articles;

namespace Syndication.Tests;

/// <summary>Articles built in memory, for tests that start after parsing.</summary>
internal static class TestArticles
{
    public static Article Create(string fileName, string title, string body = "Body.") => new()
    {
        SourcePath = Path.Combine("feeds", "test", fileName),
        FileName = fileName,
        Format = ArticleFormat.PlainText,
        Title = title,
        Summary = body,
        BodyHtml = $"<p>{PlainText.HtmlEncode(body)}</p>\n",
        ContentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(title + body))),
    };
}
