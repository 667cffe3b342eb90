"""Prints newsboat's cache (an SQLite file, after `newsboat -x reload`) as JSON.

Run by Newsboat.cs with Debian's python3 (its sqlite3 module is the standard library's). newsboat keeps, per feed,
its title and site link, and per item its title, author, link and content (HTML): these are the texts it shows.
"""
import json
import sqlite3
import sys


def main(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    print(json.dumps({
        "feeds": [dict(row) for row in db.execute("SELECT rssurl, url, title FROM rss_feed")],
        "items": [dict(row) for row in db.execute(
            "SELECT guid, title, author, url, content, feedurl FROM rss_item ORDER BY id")],
    }))


if __name__ == "__main__":
    main(sys.argv[1])
