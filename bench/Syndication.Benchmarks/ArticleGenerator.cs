using System.Text;

namespace Syndication.Benchmarks;

/// <summary>
/// Makes synthetic but realistic newsroom articles, the same ones for the same seed on every machine: stories
/// about a few thousand events (each with its own names and places, some in Cyrillic or with diacritics), written
/// with a Zipf-distributed general vocabulary, six paragraphs of about 3 KB in all, tags, dates, a "Read also"
/// line and sometimes an image.
/// </summary>
public sealed class ArticleGenerator
{
    private static readonly string[] Syllables =
    [
        "ka", "ro", "mi", "ta", "ne", "lo", "sa", "vi", "do", "re", "pa", "li", "mo", "ra", "te", "ni", "ko", "la", "se", "di",
        "ber", "gan", "tor", "mel", "sun", "dar", "ven", "lis", "mor", "tan", "bri", "ste", "gra", "plo", "che", "sha",
    ];

    private static readonly string[] AccentedSyllables = ["łó", "ží", "çã", "ñe", "ør", "éa", "ük", "ść"];

    private static readonly string[] CyrillicSyllables = ["ка", "ро", "ми", "та", "не", "ло", "ва", "жи", "шо", "ук", "ра", "їв"];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;
    private readonly string[][] _topics;
    private readonly int _minutesApart;

    /// <summary>Creates a generator; the same seed gives the same articles.</summary>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="vocabularySize">How many general words there are.</param>
    /// <param name="topicCount">How many events the stories are about.</param>
    /// <param name="minutesApart">How far apart consecutive articles are dated, from 2020-01-01 on.</param>
    public ArticleGenerator(int seed = 20261127, int vocabularySize = 20_000, int topicCount = 3_000, int minutesApart = 7)
    {
        _minutesApart = minutesApart;
        _random = new Random(seed);
        _vocabulary = [.. Enumerable.Range(0, vocabularySize).Select(_ => Word(Syllables, 1 + _random.Next(3)))];
        _cumulative = new double[vocabularySize];
        double sum = 0;
        for (var i = 0; i < vocabularySize; i++)
        {
            sum += 1.0 / (i + 1);
            _cumulative[i] = sum;
        }

        _topics = [.. Enumerable.Range(0, topicCount).Select(t => Enumerable.Range(0, 24).Select(_ => TopicWord(t)).ToArray())];
    }

    /// <summary>An article as its file would be written: front matter, title line, paragraphs, a "Read also" line.</summary>
    public sealed record GeneratedArticle(string FileName, string Title, string Body, string[] Tags, DateTimeOffset Published, string? ImageUrl)
    {
        /// <summary>The article as a Markdown file with front matter.</summary>
        public string ToMarkdown(string? readAlso)
        {
            var text = new StringBuilder("---\n")
                .Append("published: ").Append(Published.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
                .Append("tags: [").Append(string.Join(", ", Tags)).Append("]\n");
            if (ImageUrl is not null)
            {
                text.Append("image: { url: ").Append(ImageUrl).Append(", caption: A scene from the story., credit: Agency }\n");
            }

            text.Append("---\n# ").Append(Title).Append("\n\n").Append(Body);
            if (readAlso is not null)
            {
                text.Append("\nRead also: ").Append(readAlso).Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>The next article; <paramref name="index"/> names it and spaces its date.</summary>
    public GeneratedArticle Next(int index)
    {
        var topic = _random.Next(_topics.Length);
        var words = _topics[topic];
        var title = Capitalize(string.Join(' ', Enumerable.Range(0, 6 + _random.Next(5)).Select(i => i % 2 == 0 ? words[_random.Next(words.Length)] : Common())));
        var body = new StringBuilder(3500);
        for (var p = 0; p < 6; p++)
        {
            var sentenceCount = 3 + _random.Next(2);
            for (var s = 0; s < sentenceCount; s++)
            {
                var length = 12 + _random.Next(10);
                var sentence = string.Join(' ', Enumerable.Range(0, length).Select(_ => _random.NextDouble() < 0.22 ? words[_random.Next(words.Length)] : Common()));
                body.Append(Capitalize(sentence)).Append(_random.Next(8) == 0 ? " & co." : ".").Append(' ');
            }

            body.Length--;
            body.Append("\n\n");
        }

        var tags = new[] { words[0], words[1 + _random.Next(3)] };
        var published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(index * (long)_minutesApart + _random.Next(5));
        var image = _random.Next(4) == 0 ? $"https://news.example.com/images/{index}.jpg" : null;
        return new GeneratedArticle($"{index:D6}.md", title, body.ToString(), tags, published, image);
    }

    private string Common()
    {
        var x = _random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _vocabulary[i < 0 ? ~i : i];
    }

    private string TopicWord(int topic) => (topic % 10) switch
    {
        0 => Word(CyrillicSyllables, 2 + _random.Next(2)),
        1 => Word(Syllables, 1) + Word(AccentedSyllables, 1) + Word(Syllables, 1),
        _ => Capitalize(Word(Syllables, 2 + _random.Next(2))),
    };

    private string Word(string[] syllables, int count)
    {
        var word = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            word.Append(syllables[_random.Next(syllables.Length)]);
        }

        return word.ToString();
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
