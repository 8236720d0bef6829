"""
Checks a private-cards folder against its gold file before any extractor runs on it: every card and
data file listed, each dataset's name in its card, each source and not-source named in its card's text,
only the paper's five relations, relative links that resolve. Prints OK (or the problems) and counts.

    python3 bench/private-cards/validate.py bench/private-cards/set-aa [more folders…]
"""
import json, os, re, collections, sys


def validate(folder):
    base = os.path.join(os.path.abspath(folder), "cards")
    g = json.load(open(os.path.join(os.path.dirname(base), "gold.json")))
    REL = {"Semantic Evolution","CoT Distillation","Synthetic Generation","Structured Fusion","Direct Inclusion/Subset"}
    errs = []
    cards = g["cards"]; names = {c["dataset"] for c in cards}
    assert len(names) == len(cards), "duplicate dataset names"
    listed = set()
    cnt = collections.Counter(); c2c = 0; total = 0
    for c in cards:
        p = c["path"]; listed.add(p)
        if not os.path.isfile(os.path.join(base, p)): errs.append("missing " + p)
        txt = open(os.path.join(base, p)).read()
        if c["dataset"] not in txt: errs.append("name not in card " + p)
        for s in c["sources"]:
            total += 1; cnt[s["relation"]] += 1
            if s["relation"] not in REL: errs.append("bad rel %s %s" % (p, s))
            if s["name"] in names: c2c += 1
            if s["name"] == c["dataset"]: errs.append("self-loop " + p)
            forms = [s["name"]] + s["aliases"]
            if not any(f.lower() in txt.lower() for f in forms): errs.append("source not mentioned %s %s" % (p, s["name"]))
        for n in c["notSources"]:
            if n in {s["name"] for s in c["sources"]}: errs.append("overlap %s %s" % (p, n))
            if n.lower() not in txt.lower(): errs.append("notSource not in text %s %s" % (p, n))
    for n in g["notDatasets"]:
        listed.add(n)
        if not os.path.isfile(os.path.join(base, n)): errs.append("missing nd " + n)
    allf = set()
    for d, _, fs in os.walk(base):
        for f in fs: allf.add(os.path.relpath(os.path.join(d, f), base))
    for f in allf - listed: errs.append("unlisted " + f)
    for f in allf:
        if f.endswith(".md"):
            t = open(os.path.join(base, f)).read()
            for m in re.findall(r"\]\(([^)#]+)\)", t):
                if not m.startswith("http") and not os.path.exists(os.path.normpath(os.path.join(base, os.path.dirname(f), m))):
                    errs.append("broken link %s -> %s" % (f, m))
            for m in re.findall(r"(?<![\w/])(\.\./[\w./-]+/)", t):
                if not os.path.isdir(os.path.normpath(os.path.join(base, os.path.dirname(f), m))):
                    errs.append("broken bare path %s -> %s" % (f, m))
    print("\n".join(errs) or "OK")
    print("cards", len(cards), "edges", total, "card-to-card", c2c, "no-source cards", sum(1 for c in cards if not c["sources"]))
    print(dict(cnt))


for folder in sys.argv[1:]:
    validate(folder)
