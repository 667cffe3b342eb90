using System.Text;

namespace Syndication.Tests.Corpus;

/// <summary>The bad-input corpus: every kind of broken, hostile or unusual file a newsroom produces, with its expected outcome.</summary>
public static class BadInputCorpus
{
    private const string Feed = """{ "title": "Extra", "description": "D", "link": "https://example.com/extra/", "language": "en", "author": { "name": "A" } }""";

    public static IReadOnlyList<BadInputCase> Cases { get; } =
    [
        // Files that are not text.
        new("empty file", "world/a-empty.txt", [], Outcome.Skipped, "the file is empty"),
        new("whitespace only", "world/a-blank.txt", Utf8(" \n\t \r\n  "), Outcome.Skipped, "empty (white space only)"),
        new("binary junk", "world/a-binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x1A, 0xFF, 0x10], Outcome.Skipped, "not valid UTF-8"),
        new("NUL inside text", "world/a-nul.txt", Utf8("Title\n\nBody\0more\n"), Outcome.Skipped, "binary"),
        new("invalid UTF-8 (Latin-1)", "world/a-latin1.txt", [.. Encoding.Latin1.GetBytes("Café crème\n\nBody\n")], Outcome.Skipped, "not valid UTF-8"),
        new("truncated UTF-8 sequence", "world/a-truncated.txt", [.. Utf8("Title\n\nBody "), 0xE2, 0x80], Outcome.Skipped, "not valid UTF-8"),
        new("over the size limit (20 MB)", "world/a-huge.txt", Utf8("Huge\n\n" + new string('x', 20 * 1024 * 1024)), Outcome.Skipped, "MaxFileBytes"),

        // Encodings and line ends that are fine.
        new("UTF-16 little-endian with BOM", "world/b-utf16le.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("UTF-16 LE story\n\nBody.\n")], Outcome.Published, Title: "UTF-16 LE story"),
        new("UTF-16 big-endian with BOM", "world/b-utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("UTF-16 BE story\n\nBody.\n")], Outcome.Published, Title: "UTF-16 BE story"),
        new("UTF-8 with BOM", "world/b-utf8bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Utf8("BOM story\n\nBody.\n")], Outcome.Published, Title: "BOM story"),
        new("CRLF line ends", "world/b-crlf.txt", Utf8("CRLF story\r\n\r\nBody one.\r\n\r\nBody two.\r\n"), Outcome.Published, Title: "CRLF story"),
        new("lone CR line ends", "world/b-cr.txt", Utf8("CR story\r\rBody one.\r\rBody two.\r"), Outcome.Published, Title: "CR story"),

        // Odd but valid content.
        new("title only", "world/c-title.txt", Utf8("Only a title\n"), Outcome.Repaired, "no body text", Title: "Only a title"),
        new("5,000-character title", "world/c-long.txt", Utf8(string.Join(' ', Enumerable.Repeat("Longword", 555)) + "\n\nBody.\n"), Outcome.Published),
        new("right-to-left text", "world/c-rtl.txt", Utf8("مقال باللغة العربية\n\nנוסח בעברית ועוד טקסט.\n"), Outcome.Published, Title: "مقال باللغة العربية"),
        new("emoji", "world/c-emoji.txt", Utf8("Launch day 🚀🎉\n\nFamilies 👨‍👩‍👧 and flags 🇺🇦.\n"), Outcome.Published, Title: "Launch day 🚀🎉"),
        new("combining marks", "world/c-combining.txt", Utf8("Cafe\u0301 and n\u0303 and Z\u0335a\u0336l\u0337g\u0338o\n\nBody.\n"), Outcome.Published),
        new("CDATA terminator", "world/c-cdata.txt", Utf8("A ]]> B & C < D\n\nBody with ]]> and <![CDATA[ x ]]>.\n"), Outcome.Published, Title: "A ]]> B & C < D"),
        new("C0 control characters", "world/c-control.txt", Utf8("Bell\u0007 title\n\nBody \u001B[31m red.\n"), Outcome.Repaired, "XML cannot carry", 1, "Bell title"),
        new("1,000 Read also lines", "world/c-readalso.txt", Utf8("Many links\n\nBody.\n\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"Read also: Story {i}\n"))), Outcome.Repaired, "only the first 20 are kept", 25, "Many links"),

        // Hostile markup and URLs.
        new("script in Markdown", "world/d-script.md", Utf8("# Scripted\n\nText <script>alert(document.cookie)</script> more.\n"), Outcome.Published, Title: "Scripted"),
        new("event handlers in inline HTML", "world/d-onclick.md", Utf8("# Handlers\n\n<p onclick=\"steal()\" onmouseover=\"x()\">Click</p><img src=\"a.png\" onerror=\"steal()\">\n"), Outcome.Published, Title: "Handlers"),
        new("javascript: link in Markdown", "world/d-jslink.md", Utf8("# JS link\n\n[click](javascript:alert(1)) and <a href=\"JaVaScRiPt:alert(1)\">x</a>\n"), Outcome.Published, Title: "JS link"),
        new("data: image in Markdown", "world/d-data.md", Utf8("# Data image\n\n![x](data:image/svg+xml;base64,PHN2Zz4=)\n"), Outcome.Published, Title: "Data image"),
        new("iframe and style", "world/d-iframe.md", Utf8("# Framed\n\n<iframe src=\"https://evil.example/\"></iframe><style>body{display:none}</style>Text\n"), Outcome.Published, Title: "Framed"),
        new("script in plain text", "world/d-script.txt", Utf8("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n"), Outcome.Published, Title: "<script>alert(1)</script>"),
        new("javascript: in Read also", "world/d-readalso-js.md", Utf8("# Read also JS\n\nBody.\n\nRead also: [Trap](javascript:alert(1))\n"), Outcome.Repaired, "removed as unsafe", 5, "Read also JS"),
        new("data: in Read also", "world/d-readalso-data.txt", Utf8("Read also data\n\nBody.\n\nRead also: Trap <data:text/html,x>\n"), Outcome.Repaired, "removed as unsafe", 5, "Read also data"),
        new("javascript: link in front matter", "world/d-fm-link.md", Utf8("---\nlink: javascript:alert(1)\n---\n# Front link\n\nBody.\n"), Outcome.Repaired, "removed as unsafe", 2, "Front link"),
        new("data: image in front matter", "world/d-fm-image.md", Utf8("---\nimage: data:image/png;base64,AAAA\n---\n# Front image\n\nBody.\n"), Outcome.Repaired, "removed as unsafe", 2, "Front image"),

        // Front matter.
        new("malformed YAML", "world/e-yaml.md", Utf8("---\ntitle: [unclosed\n---\nBody\n"), Outcome.Skipped, "malformed front matter"),
        new("unclosed front matter", "world/e-unclosed.md", Utf8("---\ntitle: Never closed\n\nBody\n"), Outcome.Skipped, "no closing", 1),
        new("front matter with no title anywhere", "world/e-notitle.md", Utf8("---\ntags: [a]\n---\n"), Outcome.Skipped, "no title"),
        new("wrong types", "world/e-types.md", Utf8("---\ntags: { a: b }\nauthor: [x, y]\n---\n# Typed wrong\n\nBody.\n"), Outcome.Repaired, "must be", Title: "Typed wrong"),
        new("date in year 0001", "world/e-year1.md", Utf8("---\npublished: 0001-01-01T00:00:00Z\n---\n# Year one\n\nBody.\n"), Outcome.Repaired, "not a plausible date", 2, "Year one"),
        new("date in year 9999", "world/e-year9999.md", Utf8("---\npublished: 9999-12-31T23:59:59Z\n---\n# Year 9999\n\nBody.\n"), Outcome.Repaired, "not a plausible date", 2, "Year 9999"),
        new("date with a time zone", "world/e-zone.md", Utf8("---\npublished: 2024-06-20T09:30:00+05:45\n---\n# Kathmandu time\n\nBody.\n"), Outcome.Published, Title: "Kathmandu time"),
        new("date without a time zone", "world/e-nozone.md", Utf8("---\npublished: 2024-06-20 09:30\n---\n# Local time\n\nBody.\n"), Outcome.Published, Title: "Local time"),
        new("unknown front matter key", "world/e-unknown.md", Utf8("---\ncolour: red\n---\n# Unknown key\n\nBody.\n"), Outcome.Repaired, "unknown front matter key", 2, "Unknown key"),

        // Identity: duplicates and traversal never leave the feed's prefix.
        new("id with path traversal", "world/f-traversal-id.md", Utf8("---\nid: ../../x\n---\n# Traversal id\n\nBody.\n"), Outcome.Repaired, "absolute URI", 2, "Traversal id"),
        new("title with path traversal", "world/f-traversal-title.txt", Utf8("../../x %2e%2e/ ..\\..\\y\n\nBody.\n"), Outcome.Published, Title: "../../x %2e%2e/ ..\\..\\y"),
        new("file name with encoded traversal", "world/%2e%2e%2fescape.txt", Utf8("Encoded name\n\nBody.\n"), Outcome.Published, Title: "Encoded name"),
        new("duplicate id of another file", "world/f-dup-id.md", Utf8("---\nid: tag:news.example.com,2026:dup\n---\n# Duplicate id\n\nBody.\n"), Outcome.Published, Title: "Duplicate id"),
        new("same title as the seed", "world/f-same-title.txt", Utf8("1,6 million artillery shells: North Korea’s contribution to Russia’s war estimated\n\nA second article with the same title.\n"), Outcome.Published),

        // Feed definitions.
        new("feed folder without feed.json", "nofeed/one.txt", Utf8("Orphan\n\nBody.\n"), Outcome.Repaired, "no feed.json"),
        new("feed.json malformed", "broken/feed.json", Utf8("{ \"title\": \"x\", "), Outcome.Skipped, "malformed JSON"),
        new("feed.json missing fields", "thin/feed.json", Utf8("""{ "title": "Thin", "link": "https://example.com/thin/" }"""), Outcome.Repaired, "'description' is missing"),
        new("feed.json with a non-http link", "ftp/feed.json", Utf8("""{ "title": "Ftp", "link": "ftp://example.com/" }"""), Outcome.Skipped, "absolute http(s) URL"),
        new("feed.json with a javascript: link", "jsfeed/feed.json", Utf8("""{ "title": "Js", "link": "javascript:alert(1)" }"""), Outcome.Skipped, "absolute http(s) URL"),
        new("feed folder with an invalid name", "Bad Name/feed.json", Utf8(Feed), Outcome.Skipped, "feed folder name"),

        // Hostile structure and text (issue 12): refused or repaired by name, never the run.
        new("front matter nested 20,000 levels deep", "world/g-deep.md", Utf8("---\ntitle: " + new string('[', 20_000) + "\n---\nBody\n"), Outcome.Skipped, "nested more than 16 levels", 2),
        new("front matter of 2.3 MB", "world/g-huge.md", Utf8("---\ntitle: Huge\ntags: [" + string.Join(", ", Enumerable.Range(0, 250_000).Select(i => $"t{i}")) + "]\n---\nBody\n"), Outcome.Skipped, "more than the limit of 65536", 2),
        new("front matter aliases that make a cycle", "world/g-cycle.md", Utf8("---\ntitle: Cycle\na: &x { ? *y : 1 }\nb: &y { ? *x : 1 }\n---\nBody\n"), Outcome.Skipped, "names no anchor", 3),
        new("front matter with an alias bomb", "world/g-alias.md", Utf8("---\na: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [" + string.Join(", ", Enumerable.Repeat("*c", 60)) + "]\n---\n# Bomb\n\nBody\n"), Outcome.Skipped, "aliases"),
        new("Markdown quote nested 200 levels deep", "world/g-quotes.md", Utf8(new string('>', 200) + " quote\n"), Outcome.Skipped, "nested more than 32 levels deep", 1),
        new("U+FFFE in the text", "world/g-fffe.txt", Utf8("Not \uFFFE a character\n\nBody \uFFFF text.\n"), Outcome.Repaired, "XML cannot carry", 1, "Not a character"),
        new("next line U+0085 in the text", "world/g-nel.txt", Utf8("Wait\u0085 what\n\nBody, next\u0085line.\n"), Outcome.Repaired, "XML cannot carry", 1, "Wait what"),
        new("character references XML cannot carry in Markdown", "world/g-refs.md", Utf8("# Refs &#xFFFE; &#xD800; title\n\nBody &#xFFFE; <b>&#65535;</b> &#1;.\n"), Outcome.Published),
        new("title ending in an ampersand", "world/g-amp.txt", Utf8("Tom & Jerry &\n\nBody.\n\nRead also: Ends in <\n"), Outcome.Published, Title: "Tom & Jerry &"),
        new("feed.json with an escaped lone surrogate", "surrogate/feed.json", Utf8("""{ "title": "World\uD800", "description": "D\uDC00", "link": "https://example.com/s/", "language": "en", "author": { "name": "A" } }"""), Outcome.Repaired, "XML cannot carry"),
        new("feed.json with escaped control characters", "controls/feed.json", Utf8("""{ "title": "Ctrl\u0001\u001b", "description": "D\u0007", "link": "https://example.com/c/", "language": "en", "author": "A\u0000" }"""), Outcome.Repaired, "XML cannot carry"),

        // Files made to be slow (issue 17): refused by name before the step whose time would grow faster than they do.
        new("list items nested 40 levels on one line", "world/h-lists.md", Utf8("# Lists\n\n" + string.Concat(Enumerable.Repeat(" - ", 40)) + "x\n"), Outcome.Skipped, "nested more than 32 levels deep", 3),
        new("list items nested 40 levels by indentation", "world/h-indented.md", Utf8("# Indented\n\n" + string.Concat(Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- x\n"))), Outcome.Skipped, "nested more than 32 levels deep", 35),
        new("HTML nested 200 levels deep", "world/h-divs.md", Utf8("# Divs\n\n" + string.Concat(Enumerable.Repeat("<div>", 200)) + "x\n"), Outcome.Skipped, "more than 128"),
        new("20,000 inline HTML elements", "world/h-tags.md", Utf8("# Tags\n\n" + string.Concat(Enumerable.Repeat("<b>x</b> ", 20_000)) + "\n"), Outcome.Skipped, "more than the 10000 HTML elements an article may have"),
        new("100,000 link openers on one line", "world/h-openers.md", Utf8("# Openers\n\n" + string.Concat(Enumerable.Repeat("[a](", 100_000)) + "\n"), Outcome.Skipped, "would make Markdig scan"),
        new("heading of 100,000 words", "world/h-heading.md", Utf8("# " + string.Concat(Enumerable.Repeat("word ", 100_000)) + "\n\nBody.\n"), Outcome.Repaired, "it is cut to 10000"),
        new("Read also with 100,000 spaces", "world/h-spaces.txt", Utf8("Spaces\n\nBody.\n\nRead also: x" + new string(' ', 100_000) + "y\n"), Outcome.Published, Title: "Spaces"),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
