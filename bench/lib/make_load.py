#!/usr/bin/env python3
"""Turns the shared corpus (articles.jsonl from ../shared/tools/corpus.py) into CSV files and one
SQL script that H2's RunScript loads into a Gazette database whose schema Flyway already created.

Python 3 standard library only. Every row respects the constraints of V1__newsroom.sql:

  author, topic             from the corpus' authors and topics (slug = the corpus' slugify)
  revision_body             sha256 = hex SHA-256 of "1\\n" + markdown (MarkdownRenderer.VERSION "1");
                            html = the Markdown rendered by render_html() below
  article                   state 'published', release_at = the corpus date (2015-2025, in the past),
                            first_published_at = last_public_update_at = release_at; the admin list's copy
                            of the working revision (V3: working_title, title_key, working_type_code,
                            updated_at = updated_by's save = the revision's created_at)
  revision                  one per article (number 1, change_kind 'major'), id = article id
  revision_author           one byline per story (position 0)
  revision_topic            the corpus' 1-3 topics
  publication               one per article (published_at = release_at)

Ids are given explicitly (1..n) and each identity column is restarted after the highest id, so
Gazette's own inserts carry on after the bench data.

Usage: make_load.py --jsonl articles.jsonl --out DIR [--limit N]
Writes DIR/{authors,topics,stories,story_topics}.csv, DIR/bodies-NNN.csv (10,000 rows each) and
DIR/load.sql.
"""
import argparse
import csv
import hashlib
import json
import os
import re
import sys

# The kinds in article_type; most stories in an official newsroom are news releases.
# Bodies are inserted in chunks, one transaction each, so H2 keeps no large undo log.
BODY_CHUNK = 10000

TYPES = ["news-release"] * 6 + ["feature-story"] * 2 + ["announcement", "statement"]

# Characters the OWASP sanitizer (behind Gazette's MarkdownRenderer) writes as numeric references.
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;", "+": "&#43;",
            "=": "&#61;", "@": "&#64;", "`": "&#96;"}
_ESCAPE_RE = re.compile(r"""[&<>"'+=@`]""")


def esc(text):
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group(0)], text)


def render_html(markdown):
    """The HTML Gazette's MarkdownRenderer (CommonMark + OWASP sanitizer) gives for the subset of
    Markdown the corpus writes: paragraphs, '## ' headings, '- ' lists and '> ' quotes, separated
    by blank lines. A stand-in so that the load needs no JVM; the shape and size match the real
    renderer's output (checked against the demo stories), inline Markdown is not interpreted."""
    out = []
    for block in markdown.strip("\n").split("\n\n"):
        if block.startswith("## "):
            out.append("<h2>%s</h2>\n" % esc(block[3:]))
        elif block.startswith("- "):
            items = [line[2:] for line in block.split("\n")]
            out.append("<ul>%s</ul>\n" % "".join("<li>%s</li>" % esc(i) for i in items))
        elif block.startswith("> "):
            text = " ".join(line[2:] if line.startswith("> ") else line for line in block.split("\n"))
            out.append("<blockquote>\n<p>%s</p>\n</blockquote>\n" % esc(text))
        else:
            out.append("<p>%s</p>\n" % esc(block.replace("\n", " ")))
    return "".join(out)


def slugify(text):
    text = text.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def sql_ts(iso):
    # "2015-07-01T08:04:00Z" -> "2015-07-01 08:04:00+00"
    return iso.replace("T", " ").replace("Z", "+00")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    path = lambda name: os.path.join(a.out, name)

    authors, topics = {}, {}        # name/slug -> id
    topic_names = {}
    slugs, bodies = set(), {}       # sha -> body id
    n = 0
    body_files = []

    def next_body_file():
        name = "bodies-%03d.csv" % len(body_files)
        body_files.append(name)
        f = open(path(name), "w", encoding="utf-8", newline="")
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(["id", "sha256", "markdown", "html"])
        return f, w

    f_bodies, w_bodies = next_body_file()
    f_stories = open(path("stories.csv"), "w", encoding="utf-8", newline="")
    f_topics = open(path("story_topics.csv"), "w", encoding="utf-8", newline="")
    w_stories = csv.writer(f_stories, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w_topics = csv.writer(f_topics, quoting=csv.QUOTE_ALL, lineterminator="\n")
    w_stories.writerow(["id", "slug", "type_code", "title", "summary", "body_id", "author_id",
                        "release_at", "created_at"])
    w_topics.writerow(["revision_id", "topic_id"])
    with open(a.jsonl, encoding="utf-8") as lines:
        for line in lines:
            s = json.loads(line)
            n += 1
            aid = n
            author = s["author"]
            if author not in authors:
                authors[author] = len(authors) + 1
            slug = s["slug"][:200]
            if not SLUG_RE.match(slug):
                sys.exit("corpus slug %r is not a valid Gazette slug" % slug)
            base, k = slug, 1
            while slug in slugs:           # the corpus already makes slugs unique; belt and braces
                k += 1
                slug = "%s-%d" % (base, k)
            slugs.add(slug)
            md = s["body_markdown"]
            sha = hashlib.sha256(("1\n" + md).encode("utf-8")).hexdigest()
            body_id = bodies.get(sha)
            if body_id is None:
                body_id = bodies[sha] = len(bodies) + 1
                if body_id % BODY_CHUNK == 1 and body_id > 1:
                    f_bodies.close()
                    f_bodies, w_bodies = next_body_file()
                w_bodies.writerow([body_id, sha, md, render_html(md)])
            release = sql_ts(s["date"])
            # created an hour before release (the corpus dates are whole minutes from 08:00)
            created = "%s %02d%s" % (release[:10], int(release[11:13]) - 1, release[13:])
            w_stories.writerow([aid, slug, TYPES[aid % len(TYPES)], s["title"][:300], s["summary"][:1000],
                                body_id, authors[author], release, created])
            for t in dict.fromkeys(s["topics"]):
                if t not in topics:
                    topics[t] = len(topics) + 1
                    topic_names[t] = t.replace("-", " ").title()
                w_topics.writerow([aid, topics[t]])
            if a.limit and n >= a.limit:
                break
    for f in (f_bodies, f_stories, f_topics):
        f.close()
    with open(path("authors.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(["id", "slug", "name"])
        for name, i in authors.items():
            w.writerow([i, slugify(name), name])
    with open(path("topics.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_ALL, lineterminator="\n")
        w.writerow(["id", "slug", "name"])
        for slug, i in topics.items():
            w.writerow([i, slug, topic_names[slug]])

    opts = "'charset=UTF-8 caseSensitiveColumnNames=true'"
    csvread = lambda name: "csvread('%s', null, %s)" % (path(name).replace("'", "''"), opts)
    sql = """-- Generated by bench/lib/make_load.py; run with org.h2.tools.RunScript on a Gazette H2 database
-- whose schema Flyway has created (and that holds no content yet).
set autocommit false;
insert into author (id, slug, name, job_title, bio_markdown, bio_html, created_at, updated_at)
  select cast(id as bigint), slug, name, null, '', '', timestamp with time zone '2015-01-01 00:00:00+00',
         timestamp with time zone '2015-01-01 00:00:00+00' from {authors};
insert into topic (id, slug, name, description, created_at, updated_at)
  select cast(id as bigint), slug, name, '', timestamp with time zone '2015-01-01 00:00:00+00',
         timestamp with time zone '2015-01-01 00:00:00+00' from {topics};
commit;
{bodies}insert into article (id, language, slug, state, working_revision_id, published_revision_id, release_at,
                     first_published_at, last_public_update_at, unpublished_at, version, created_at,
                     working_title, title_key, working_type_code, updated_at, updated_by)
  select cast(id as bigint), 'en', slug, 'published', null, null,
         cast(release_at as timestamp with time zone), cast(release_at as timestamp with time zone),
         cast(release_at as timestamp with time zone), null, 1, cast(created_at as timestamp with time zone),
         title, lower(title), type_code, cast(created_at as timestamp with time zone), 'bench-import'
  from {stories};
commit;
insert into revision (id, article_id, number, type_code, title, summary, dateline, body_id, change_kind,
                      change_note, created_at, created_by)
  select cast(id as bigint), cast(id as bigint), 1, type_code, title, summary, null, cast(body_id as bigint),
         'major', null, cast(created_at as timestamp with time zone), 'bench-import'
  from {stories};
commit;
insert into revision_author (revision_id, position, author_id)
  select cast(id as bigint), 0, cast(author_id as bigint) from {stories};
insert into revision_topic (revision_id, topic_id)
  select cast(revision_id as bigint), cast(topic_id as bigint) from {story_topics};
commit;
insert into publication (id, article_id, revision_id, published_at, release_at, change_kind, change_note)
  select cast(id as bigint), cast(id as bigint), cast(id as bigint), cast(release_at as timestamp with time zone),
         cast(release_at as timestamp with time zone), 'major', null
  from {stories};
commit;
update article set working_revision_id = id, published_revision_id = id;
commit;
alter table author alter column id restart with {next_author};
alter table topic alter column id restart with {next_topic};
alter table revision_body alter column id restart with {next_body};
alter table article alter column id restart with {next_article};
alter table revision alter column id restart with {next_article};
alter table publication alter column id restart with {next_article};
commit;
""".format(authors=csvread("authors.csv"), topics=csvread("topics.csv"), bodies="".join(
               "insert into revision_body (id, sha256, markdown, html)\n"
               "  select cast(id as bigint), sha256, markdown, html from %s;\ncommit;\n" % csvread(name)
               for name in body_files),
           stories=csvread("stories.csv"), story_topics=csvread("story_topics.csv"),
           next_author=len(authors) + 1, next_topic=len(topics) + 1, next_body=len(bodies) + 1,
           next_article=n + 1)
    with open(path("load.sql"), "w", encoding="utf-8") as f:
        f.write(sql)
    print("make_load: %d stories, %d bodies, %d authors, %d topics -> %s" % (
        n, len(bodies), len(authors), len(topics), a.out))


if __name__ == "__main__":
    main()
