// Renders the exported corpus to RSS 2.0 and Atom 1.0 with Node's `feed` package and prints the median time.
import { readFileSync } from "node:fs";
import { Feed } from "feed";

const corpus = JSON.parse(readFileSync(process.argv[2], "utf8"));

function once() {
  const feed = new Feed({
    title: corpus.title,
    description: corpus.description,
    id: corpus.id,
    link: corpus.link,
    language: "en",
    updated: new Date(corpus.updated),
    generator: "feed",
    copyright: "",
    feedLinks: { rss: "https://feeds.example.org/news/rss.xml", atom: "https://feeds.example.org/news/atom.xml" },
    author: { name: corpus.author },
  });
  for (const entry of corpus.entries) {
    feed.addItem({
      title: entry.title,
      id: entry.id,
      link: entry.link,
      description: entry.summary,
      content: entry.content,
      author: [{ name: entry.author }],
      date: new Date(entry.updated),
      published: new Date(entry.published),
      category: entry.tags.map((name) => ({ name })),
    });
  }
  return feed.rss2().length + feed.atom1().length;
}

once();
once();
const times = [];
for (let i = 0; i < 7; i++) {
  const start = process.hrtime.bigint();
  once();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`feed (Node ${process.version}): RSS + Atom for ${corpus.entries.length} entries: median ${times[3].toFixed(0)} ms`);
