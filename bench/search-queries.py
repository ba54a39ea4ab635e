#!/usr/bin/env python3
"""Makes a mixed set of realistic search requests from the bench corpus' own vocabulary.

    python3 bench/search-queries.py --corpus BENCH_WORK/corpus-N/articles.jsonl --out DIR [--count 240]

Writes DIR/search-queries.txt (one request path a line, /api/v1/search?q=..., what the wrk script
cycles through) and DIR/search-queries.tsv (kind, path, the query as typed), deterministic for a
given corpus and seed. The kinds, in about these shares:

  word      one content word (70% from the 500 most frequent title/summary words, 30% rarer)
  two       two words that follow each other in a title
  phrase    a quoted run of 2-3 words from a summary (stop words included, as people quote them)
  facet     one or two words with one or two filters: type, topic, author, year
  exclude   a word and -another word that often appears with it
  typo      a frequent word with one typing mistake (swap, drop, double or wrong letter)
  or        two words joined by OR
  sorted    one word, newest first, or page 2 of a common word

Python 3 standard library only.
"""
import argparse
import collections
import json
import os
import random
import re
import urllib.parse

STOP = set("""a an and are as at be but by for from had has have he her his in into is it its
of on or our over said says she that the their them they this to under up was we were which while
who will with would after before more than new out about also been can could its not one two three
four five six seven eight nine ten year years week weeks month months today""".split())

TYPES = ["news-release", "feature-story", "announcement", "statement"]

WORD = re.compile(r"[a-z]+")


def slugify(text):
    # The same slugs as bench/lib/make_load.py gives authors.
    text = text.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def words(text):
    return WORD.findall(text.lower())


def typo(word, rnd):
    i = rnd.randrange(1, len(word) - 1)
    kind = rnd.choice(["swap", "drop", "double", "wrong"])
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    letters = "aeioustrnl".replace(word[i], "")
    return word[:i] + rnd.choice(letters) + word[i + 1:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=240)
    ap.add_argument("--sample", type=int, default=4000, help="stories read from the corpus")
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()
    rnd = random.Random(args.seed)

    # Every k-th story: enough vocabulary, without parsing 600 MB of JSON.
    total = sum(1 for _ in open(args.corpus, "rb"))
    stride = max(1, total // args.sample)
    freq, bigrams, pairs = collections.Counter(), collections.Counter(), collections.Counter()
    summaries, authors, topics, years = [], set(), set(), set()
    with open(args.corpus, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n % stride:
                continue
            s = json.loads(line)
            title = [w for w in words(s["title"]) if len(w) > 2]
            content = [w for w in title + words(s["summary"]) if w not in STOP and len(w) > 3]
            freq.update(content)
            for a, b in zip(title, title[1:]):
                if a not in STOP and b not in STOP:
                    bigrams[(a, b)] += 1
            distinct = sorted(set(content))
            for _ in range(3):
                if len(distinct) > 1:
                    a, b = rnd.sample(distinct, 2)
                    pairs[(a, b)] += 1
            summaries.append(s["summary"])
            authors.add(slugify(s["author"]))
            topics.update(s["topics"])
            years.add(s["date"][:4])
    common = [w for w, _ in freq.most_common(500)]
    rarer = [w for w, c in freq.most_common(3000)[500:] if c >= 3]
    bigram_list = [b for b, _ in bigrams.most_common(400)]
    pair_list = [p for p, _ in pairs.most_common(400)]
    authors, topics, years = sorted(authors), sorted(topics), sorted(years)

    def word():
        return rnd.choice(common) if rnd.random() < 0.7 else rnd.choice(rarer)

    def phrase():
        while True:
            ws = rnd.choice(summaries).split()
            n = rnd.choice([2, 3])
            if len(ws) <= n:
                continue
            i = rnd.randrange(0, len(ws) - n)
            run = [w.strip(".,;:!?()\"") for w in ws[i:i + n]]
            # Words only: a number like "24,400" is rarely what people quote.
            if all(re.fullmatch(r"[A-Za-z][A-Za-z'-]*", w) for w in run) and any(w.lower() not in STOP for w in run):
                return '"%s"' % " ".join(run).lower()

    def facets():
        chosen = {}
        for name in rnd.sample(["type", "topic", "author", "year"], rnd.choice([1, 1, 2])):
            chosen[name] = {"type": lambda: rnd.choice(TYPES), "topic": lambda: rnd.choice(topics),
                            "author": lambda: rnd.choice(authors), "year": lambda: rnd.choice(years)}[name]()
        return chosen

    shares = [("word", 0.17), ("two", 0.17), ("phrase", 0.13), ("facet", 0.17), ("exclude", 0.11),
              ("typo", 0.11), ("or", 0.07), ("sorted", 0.07)]
    plan = []
    for kind, share in shares:
        plan += [kind] * round(share * args.count)
    plan = (plan + ["word"] * args.count)[:args.count]
    rnd.shuffle(plan)

    rows = []
    for kind in plan:
        params = {}
        if kind == "word":
            q = word()
        elif kind == "two":
            q = " ".join(rnd.choice(bigram_list))
        elif kind == "phrase":
            q = phrase()
        elif kind == "facet":
            q = word() if rnd.random() < 0.6 else " ".join(rnd.choice(bigram_list))
            params.update(facets())
        elif kind == "exclude":
            a, b = rnd.choice(pair_list)
            q = "%s -%s" % (a, b)
        elif kind == "typo":
            q = typo(rnd.choice([w for w in common if len(w) >= 6]), rnd)
        elif kind == "or":
            q = "%s OR %s" % (word(), word())
        else:
            q = rnd.choice(common)
            if rnd.random() < 0.5:
                params["sort"] = "newest"
            else:
                params["page"] = "2"
        path = "/api/v1/search?" + urllib.parse.urlencode({"q": q, **params}, quote_via=urllib.parse.quote)
        rows.append((kind, path, q))

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "search-queries.txt"), "w") as f:
        f.writelines(path + "\n" for _, path, _ in rows)
    with open(os.path.join(args.out, "search-queries.tsv"), "w") as f:
        f.writelines("%s\t%s\t%s\n" % row for row in rows)
    kinds = collections.Counter(kind for kind, _, _ in rows)
    print("%d queries from %d sampled stories: %s" % (len(rows), len(summaries),
          ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))


if __name__ == "__main__":
    main()
