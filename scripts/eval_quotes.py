#!/usr/bin/env python3
"""Scores Gloss quotations against gold quotes (Python 3 standard library only).

Runs `gloss annotate --jsonl` over a gold file and prints:
  * quote P/R/F1: a predicted content segment matches a gold quote when they overlap (one-to-one,
    greedy in text order); "exact" when they are equal up to marks and spaces;
  * byte P/R/F1: how many quoted bytes agree (inside the marks);
  * speaker accuracy over matched gold quotes: the predicted speaker span overlaps the gold one, or the
    predicted speaker (or resolved speaker) names the gold speaker.

Two gold formats are read:
  * LitBank style (../shared/dev-data/quotes_dev.jsonl): quotes with byte offsets `start`/`end`
    (marks included), `speaker` {start,end,text} or null, `speaker_names`;
  * Gloss news style (tests/data/quotes_news_dev.jsonl, tests/data/quotes_news_heldout*.jsonl, written by
    the project; the held-out sets were written before the finder was run on them): quotes given as strings, found in the text in
    order: {"kind", "content": [segment, ...], "speaker": "text" or null, "resolved": "name"}.
    Direct, mixed and indirect gold quotes are all scored there, and scare quotes are scored by kind.

Usage:
  python3 scripts/eval_quotes.py [--gloss build/native/gloss] [--kinds direct] FILE.jsonl [...]
"""
import argparse
import glob
import json
import os
import subprocess
import sys

MARKS = '"\'\u201c\u201d\u2018\u2019\u00ab\u00bb`\u2039\u203a '


def find_gloss(root):
    for cand in ["build/native/gloss", "build/native-release/gloss", "build/quotes/native/gloss"] + sorted(
            glob.glob(os.path.join(root, "build/*/native/gloss"))):
        path = cand if os.path.isabs(cand) else os.path.join(root, cand)
        if os.path.exists(path):
            return path
    sys.exit("gloss binary not found: build it or pass --gloss")


def strip_marks(text, start, end):
    """Byte span of text[start:end] without surrounding quote marks and spaces."""
    s = text[start:end].decode("utf-8", "replace")
    lead = len(s) - len(s.lstrip(MARKS))
    trail = len(s) - len(s.rstrip(MARKS))
    inner = s[lead:len(s) - trail] if trail else s[lead:]
    b0 = start + len(s[:lead].encode())
    return b0, b0 + len(inner.encode())


def locate(text, needle, cursor):
    i = text.find(needle.encode(), cursor)
    if i < 0:
        i = text.find(needle.encode())
    if i < 0:
        raise ValueError("gold text not found: %r" % needle)
    return i, i + len(needle.encode())


def gold_quotes(doc):
    """-> list of dicts: segs [(s,e)] (inside marks), kind, speaker (s,e)|None, names [str]."""
    text = doc["text"].encode()
    out = []
    cursor = 0
    for q in doc.get("quotes", []):
        if "start" in q:  # LitBank style
            s, e = strip_marks(text, q["start"], q["end"])
            spk = q.get("speaker")
            out.append({"segs": [(s, e)], "kind": q.get("kind", "direct"),
                        "speaker": (spk["start"], spk["end"]) if spk else None,
                        "names": [n.lower() for n in q.get("speaker_names", [])] +
                                 ([spk["text"].lower()] if spk else [])})
        else:  # news style, strings
            segs = []
            for seg in q["content"]:
                s, e = locate(text, seg, cursor)
                segs.append((s, e))
                cursor = e
            spk = None
            names = []
            if q.get("speaker"):
                s, e = locate(text, q["speaker"], max(0, segs[0][0] - 400))
                spk = (s, e)
                names.append(q["speaker"].lower())
            if q.get("resolved"):
                names.append(q["resolved"].lower())
            out.append({"segs": segs, "kind": q.get("kind", "direct"), "speaker": spk, "names": names})
    return out


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def names_match(pred_names, gold_names):
    for p in pred_names:
        if not p:
            continue
        for g in gold_names:
            if p == g or (len(p) > 2 and (p in g.split() or g.endswith(" " + p) or p.endswith(" " + g) or
                                          g in p.split())):
                return True
    return False


def evaluate(path, gloss, kinds, verbose):
    docs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
    res = subprocess.run([gloss, "annotate", "--jsonl"], input=payload.encode(), capture_output=True, check=False)
    outs = [json.loads(l) for l in res.stdout.decode().splitlines() if l.strip()]
    if len(outs) != len(docs):
        sys.exit("gloss returned %d results for %d documents: %s" % (len(outs), len(docs), res.stderr.decode()[:500]))
    c = dict(tp=0, exact=0, npred=0, ngold=0, bytes_pred=0, bytes_gold=0, bytes_tp=0, spk_ok=0, spk_given=0,
             spk_given_ok=0, matched=0, kind_ok=0)
    for doc, out in zip(docs, outs):
        text = doc["text"].encode()
        gold = [g for g in gold_quotes(doc) if g["kind"] in kinds]
        # Predicted units: each content segment of each quote of a scored kind (body field only).
        preds = []
        for q in out.get("quotes", []):
            if q["field"] != "body" or q["kind"] not in kinds:
                continue
            spk = (q["speaker"]["start"], q["speaker"]["end"]) if q["speaker"] else None
            names = [q["speaker"]["text"].lower()] if q["speaker"] else []
            if q["resolved_speaker"]:
                names.append(q["resolved_speaker"].lower())
            segs = [strip_marks(text, s["start"], s["end"]) for s in q["content"]]
            if q["kind"] in ("indirect", "mixed"):
                segs = [(s["start"], s["end"]) for s in q["content"]]
            for seg in segs:
                preds.append({"seg": seg, "speaker": spk, "names": names, "kind": q["kind"], "q": q})
        gold_units = [(g, seg) for g in gold for seg in g["segs"]]
        c["npred"] += len(preds)
        c["ngold"] += len(gold_units)
        c["bytes_pred"] += sum(p["seg"][1] - p["seg"][0] for p in preds)
        c["bytes_gold"] += sum(s[1] - s[0] for _, s in gold_units)
        used = set()
        for g, seg in gold_units:
            best, best_ov = None, 0
            for i, p in enumerate(preds):
                if i in used:
                    continue
                ov = overlap(p["seg"], seg)
                if ov > best_ov:
                    best, best_ov = i, ov
            if best is None:
                if verbose:
                    print("MISS %s: %r" % (doc["id"], text[seg[0]:seg[1]].decode(errors="replace")[:90]))
                continue
            used.add(best)
            p = preds[best]
            c["tp"] += 1
            c["bytes_tp"] += best_ov
            c["exact"] += p["seg"] == seg
            c["kind_ok"] += p["kind"] == g["kind"]
            ok = False
            if p["speaker"] and g["speaker"] and overlap(p["speaker"], g["speaker"]) > 0:
                ok = True
            elif names_match(p["names"], g["names"]):
                ok = True
            elif not p["speaker"] and not g["speaker"] and not g["names"]:
                ok = True  # both say: no speaker
            c["spk_ok"] += ok
            if p["speaker"]:
                c["spk_given"] += 1
                c["spk_given_ok"] += ok
            if verbose and not ok:
                print("SPEAKER %s: %r pred=%r gold=%r" % (doc["id"], text[seg[0]:seg[1]].decode(errors="replace")[:60],
                                                          p["names"], g["names"][:3]))
        if verbose:
            for i, p in enumerate(preds):
                if i not in used:
                    print("FALSE %s: %s %r" % (doc["id"], p["kind"], text[p["seg"][0]:p["seg"][1]].decode(errors="replace")[:90]))
    p, r, f = prf(c["tp"], c["npred"], c["ngold"])
    ep, er, ef = prf(c["exact"], c["npred"], c["ngold"])
    bp, br, bf = prf(c["bytes_tp"], c["bytes_pred"], c["bytes_gold"])
    print("%s (%d docs, %d gold quote segments, kinds: %s)" % (os.path.basename(path), len(docs), c["ngold"], ",".join(kinds)))
    print("  quotes (overlap)  P %.3f  R %.3f  F1 %.3f   (%d predicted, %d matched)" % (p, r, f, c["npred"], c["tp"]))
    print("  quotes (exact)    P %.3f  R %.3f  F1 %.3f" % (ep, er, ef))
    print("  content bytes     P %.3f  R %.3f  F1 %.3f" % (bp, br, bf))
    if c["tp"]:
        print("  speaker accuracy  %.3f of matched quotes (%d/%d); precision when a speaker is given %.3f (%d/%d)" % (
            c["spk_ok"] / c["tp"], c["spk_ok"], c["tp"],
            c["spk_given_ok"] / c["spk_given"] if c["spk_given"] else 0.0, c["spk_given_ok"], c["spk_given"]))
        print("  kind accuracy     %.3f of matched quotes" % (c["kind_ok"] / c["tp"]))
    return c


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--gloss", help="path to the gloss CLI")
    ap.add_argument("--kinds", default=None,
                    help="comma-separated kinds to score (default: direct for LitBank, all speech kinds for news)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, false quotes and wrong speakers")
    args = ap.parse_args()
    gloss = args.gloss or find_gloss(root)
    files = args.files or [os.path.join(root, "../shared/dev-data/quotes_dev.jsonl"),
                           os.path.join(root, "tests/data/quotes_news_dev.jsonl"),
                           os.path.join(root, "tests/data/quotes_news_heldout.jsonl"),
                           os.path.join(root, "tests/data/quotes_news_heldout2.jsonl")]
    for path in files:
        if not os.path.exists(path):
            print("skipped (not found): %s" % path)
            continue
        kinds = args.kinds.split(",") if args.kinds else (
            ["direct"] if "quotes_dev.jsonl" == os.path.basename(path) else ["direct", "mixed", "indirect", "scare"])
        evaluate(path, gloss, kinds, args.verbose)


if __name__ == "__main__":
    main()
