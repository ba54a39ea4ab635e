#!/usr/bin/env python3
"""Writes a WordPress export (WXR 1.2) of N generated posts to stdout, streaming.

Posts look like a real newsroom's: a few authors, categories and tags, autop paragraphs,
a shortcode now and then, published over ten years (a few drafts, pending and private).
Usage: make_wxr.py N > posts.xml
"""
import random
import sys
from datetime import datetime, timedelta

WORDS = ("the department announced new funding for road safety programs across the state "
         "officials said residents can apply online starting next month and the county "
         "will hold public meetings on the proposal before a final decision is made").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = random.Random(42)
    out = sys.stdout
    site = "https://old.example.gov"
    out.write('<?xml version="1.0" encoding="UTF-8" ?>\n')
    out.write('<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
              'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n')
    out.write(f"<channel><title>Old newsroom</title><link>{site}</link><wp:wxr_version>1.2</wp:wxr_version>\n")
    out.write(f"<wp:base_site_url>{site}</wp:base_site_url>\n")
    authors = [("press%d" % i, "Press Officer %d" % i) for i in range(12)]
    for login, name in authors:
        out.write(f"<wp:author><wp:author_login><![CDATA[{login}]]></wp:author_login>"
                  f"<wp:author_display_name><![CDATA[{name}]]></wp:author_display_name></wp:author>\n")
    categories = ["Press Releases", "Statements", "Announcements", "Feature Stories", "Roads", "Health"]
    tags = ["tag-%d" % i for i in range(200)]
    start = datetime(2015, 1, 1)
    for i in range(1, n + 1):
        when = start + timedelta(minutes=i * 50)
        title = sentence(rng, rng.randint(5, 10))[:-1] + " %d" % i
        slug = "-".join(title.lower().split())[:80]
        status = rng.choices(["publish", "draft", "pending", "private"], [96, 2, 1, 1])[0]
        paragraphs = "\n\n".join(sentence(rng, rng.randint(12, 30)) + (" " + sentence(rng, 10)) * rng.randint(1, 4)
                                 for _ in range(rng.randint(3, 8)))
        if i % 10 == 0:
            paragraphs += '\n\n[caption id="attachment_1" width="300"]<img src="%s/a.jpg" alt="Crew" /> Crews at work[/caption]' % site
        if i % 7 == 0:
            paragraphs += "\n\n<ul>\n<li>First point</li>\n<li><a href=\"%s/more\">More</a></li>\n</ul>" % site
        cats = "".join('<category domain="category" nicename="%s"><![CDATA[%s]]></category>'
                       % ("-".join(c.lower().split()), c) for c in rng.sample(categories, 2))
        tg = "".join('<category domain="post_tag" nicename="%s"><![CDATA[%s]]></category>' % (t, t)
                     for t in rng.sample(tags, 3))
        out.write(f"""<item><title><![CDATA[{title}]]></title><link>{site}/{when:%Y/%m}/{slug}/</link>
<dc:creator><![CDATA[{rng.choice(authors)[0]}]]></dc:creator><guid isPermaLink="false">{site}/?p={i}</guid>
<content:encoded><![CDATA[{paragraphs}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{i}</wp:post_id><wp:post_date><![CDATA[{when:%Y-%m-%d %H:%M:%S}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{when + timedelta(hours=5):%Y-%m-%d %H:%M:%S}]]></wp:post_date_gmt>
<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[{status}]]></wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type>{cats}{tg}</item>
""")
    out.write("</channel></rss>\n")


if __name__ == "__main__":
    main()
