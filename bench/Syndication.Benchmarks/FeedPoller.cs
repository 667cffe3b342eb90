using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;

namespace Syndication.Benchmarks;

/// <summary>
/// Reads a published RSS document anonymously over HTTP, as a subscriber would, and tells whether it holds an item
/// with a given title. It sends the last ETag back, so while nothing changed each poll is a cheap 304 and the poller
/// takes little of the CPU the measured worker needs.
/// </summary>
internal sealed class FeedPoller(HttpClient http, Uri rss)
{
    private EntityTagHeaderValue? _etag;
    private HashSet<string> _titles = [];

    /// <summary>Fetches the document once; <see langword="false"/> while it does not exist yet.</summary>
    public async Task<bool> HasItemAsync(string title, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, rss);
        if (_etag is not null)
        {
            request.Headers.IfNoneMatch.Add(_etag);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // Parsed rather than searched as text, so a title with characters the writer escapes is still found.
            var document = XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            _titles = [.. document.Descendants("item").Select(i => (string?)i.Element("title") ?? "")];
            _etag = response.Headers.ETag;
        }
        else if (response.StatusCode != HttpStatusCode.NotModified && response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }

        return _titles.Contains(title);
    }
}
