using System.Collections.Frozen;

namespace Syndication.Feeds.Related;

/// <summary>Words too common to say what an article is about; they are left out of the similarity computation.</summary>
internal static class StopWords
{
    // English function words, and the news words that appear in nearly every story ("said", "according").
    // Diacritics are already folded when this is consulted.
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
    [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "around", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into",
        "is", "it", "its", "itself", "just", "last", "least", "less", "like", "made", "make", "many", "may", "me", "might",
        "more", "most", "much", "must", "my", "myself", "never", "new", "no", "nor", "not", "now", "of", "off", "on", "once",
        "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "per", "same", "she", "should", "since",
        "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "though", "through", "to", "too", "two", "under", "until", "up", "upon", "us",
        "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
        "said", "says", "say", "according", "told", "year", "years", "week", "day", "days", "time", "people", "read",
    ]);

    public static bool Contains(string word) => Words.Contains(word);

    public static bool Contains(ReadOnlySpan<char> word) => Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
