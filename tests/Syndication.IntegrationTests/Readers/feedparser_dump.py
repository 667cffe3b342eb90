"""Prints, as JSON, the text fields Python's feedparser reads from one feed URL.

Run by Feedparser.cs with Debian's python3 (package python3-feedparser). Values are printed as feedparser gives them,
with their content type where it has one: whether to render them as HTML is the test's decision, not this script's.
"""
import json
import sys
import urllib.request

import feedparser


def detail(d):
    return None if d is None else {"type": d.get("type"), "value": d.get("value")}


def person(d):
    return None if d is None else {"name": d.get("name"), "email": d.get("email"), "href": d.get("href")}


def links(items):
    return [{"rel": l.get("rel"), "type": l.get("type"), "href": l.get("href"), "title": l.get("title")} for l in items or []]


def main(url):
    # Straight to the local server: a proxy from the environment must not stand between the reader and Azurite.
    parsed = feedparser.parse(url, handlers=[urllib.request.ProxyHandler({})])
    feed = parsed.feed
    print(json.dumps({
        "version": parsed.get("version"),
        "bozo": bool(parsed.get("bozo")),
        "bozo_exception": str(parsed.get("bozo_exception")) if parsed.get("bozo") else None,
        "status": parsed.get("status"),
        "feed": {
            "title": detail(feed.get("title_detail")),
            "link": feed.get("link"),
            "subtitle": detail(feed.get("subtitle_detail")),
            "author": person(feed.get("author_detail")),
            "links": links(feed.get("links")),
            "image": None if feed.get("image") is None else {
                "href": feed.image.get("href"), "title": feed.image.get("title"), "link": feed.image.get("link")},
            "icon": feed.get("icon"),
            "logo": feed.get("logo"),
        },
        "entries": [{
            "id": e.get("id"),
            "title": detail(e.get("title_detail")),
            "summary": detail(e.get("summary_detail")),
            "content": [detail(c) for c in e.get("content", [])],
            "author": person(e.get("author_detail")),
            "tags": [{"term": t.get("term"), "label": t.get("label")} for t in e.get("tags", [])],
            "links": links(e.get("links")),
            "media_content": [dict(m) for m in e.get("media_content", [])],
            "media_credit": [dict(m) for m in e.get("media_credit", [])],
        } for e in parsed.entries],
    }, indent=1))


if __name__ == "__main__":
    main(sys.argv[1])
