using System.Text.Json;

namespace Syndication.Tests.Readers;

/// <summary>
/// A feed whose every text field holds what careless encoding breaks: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, both
/// quotes, <c>]]&gt;</c>, Cyrillic, right-to-left Hebrew and Arabic, emoji outside the BMP (surrogate pairs, a skin
/// tone, a ZWJ sequence), runs of white space, and a title that ends in <c>&amp;</c>.
/// </summary>
/// <remarks>
/// No title looks like HTML to a reader that guesses (an end tag such as <c>&lt;/b&gt;</c>, or a named or numeric
/// character reference such as <c>&amp;amp;</c>): an RSS title is plain text to newsboat, and feedparser takes one
/// that looks like HTML as HTML, so no RSS document can show such a title correctly in both. Summaries, related
/// titles and the body carry those instead.
/// </remarks>
internal static class HostileFeed
{
    public const string Name = "markets";
    public const string Title = "Markets & Politics";
    public const string Description = "Deals, <filings> & \"quotes\" ]]> — Новости, חדשות ועדכונים, 📈 & more";
    public const string Author = "Desk <Markets> & \"Co\"";

    /// <summary>The square image; its query's <c>&amp;</c> must reach readers as one character.</summary>
    public const string Icon = "https://news.example.com/images/markets-icon.png?v=2&size=512";

    /// <summary>The wide image.</summary>
    public const string Logo = "https://news.example.com/images/markets-logo.png?v=2&size=wide";

    /// <summary>The newsroom's page for the feed (<c>feed.json</c>'s <c>link</c>): what readers must take as the site.</summary>
    public const string Link = "https://news.example.com/markets/";

    /// <summary>The title, summary, author, tags and related titles the issue names.</summary>
    public static readonly HostileArticle QuestionsAndAnswers = new(
        "001-qa.txt",
        "tag:news.example.com,2026:markets/qa",
        "Q&A: Tom & Jerry return to the screen",
        "Is 3 < 4 > 2? \"Yes\" & 'no' — the ]]> stays text, as do <b>bold</b>, &amp; and &#x26;. Привет, שלום, مرحبا, 😀👍🏽.")
    {
        Author = "Tom \"Cat\" & Jerry <Mouse>",
        Tags = ["  R&D  ", "<script>", "Бизнес", "עסקים", "📈 Charts", "\"Quotes\" & ]]>"],
        Related =
        [
            new("AT&T and T-Mobile agree on M&A terms", "https://news.example.com/markets/att-t-mobile/"),
            new("Q&A: <b>Ask</b> us ]]> — «Да» & שאלות 😀"),
        ],
        Body = "First paragraph & <body> \"text\" ]]> 'quoted'.",
    };

    public static readonly HostileArticle EndsInAmpersand = new(
        "002-amp.txt",
        "tag:news.example.com,2026:markets/amp",
        "  Profits rise at Marks &  ",
        "Ends with &")
    {
        Author = "  Ана   Иванова & José  ",
    };

    /// <summary>Cyrillic, Hebrew and Arabic in one title, with a tab and a run of spaces; no markup, so Atom writes it as text.</summary>
    public static readonly HostileArticle Scripts = new(
        "003-scripts.txt",
        "tag:news.example.com,2026:markets/scripts",
        "Выборы:   «Да»\tили \"нет\" — בחירות 2026 — الانتخابات 😀👍🏽 👨‍👩‍👧",
        "Выборы: «Да» или \"нет\" — בחירות 2026 — الانتخابات 😀👍🏽 👨‍👩‍👧")
    {
        Tags = ["Выборы", "בחירות", "الانتخابات"],
    };

    public static readonly HostileArticle Picture = new(
        "004-picture.txt",
        "tag:news.example.com,2026:markets/picture",
        "Why 3 < 4 > 2 and \"]]>\" stays 'text'",
        "A picture & its <caption>")
    {
        Image = new("https://news.example.com/images/set.jpg", "Tom & Jerry <on set> \"live\" ]]>", "Smith & Sons <AP> ]]> «Фото»"),
    };

    public static IReadOnlyList<HostileArticle> Articles { get; } = [QuestionsAndAnswers, EndsInAmpersand, Scripts, Picture];

    public static HostileArticle ById(string? id) =>
        Articles.SingleOrDefault(a => a.Id == id) ?? throw new Xunit.Sdk.XunitException($"The reader shows an entry that was never written: {id}");

    /// <summary>Writes <c>feed.json</c> and the articles into <paramref name="folder"/>.</summary>
    public static void WriteTo(TemporaryFeedsFolder folder)
    {
        folder.Write($"{Name}/feed.json", JsonSerializer.Serialize(new
        {
            title = Title,
            description = Description,
            link = Link,
            language = "en",
            author = new { name = Author, uri = "https://news.example.com/" },
            icon = Icon,
            logo = Logo,
        }));
        foreach (var article in Articles)
        {
            folder.Write($"{Name}/{article.FileName}", article.FileText());
        }
    }
}
