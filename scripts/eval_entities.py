#!/usr/bin/env python3
"""Scores Gloss entities against gold JSON lines (Python 3 standard library only).

Gold: one {"id", "text", "entities": [{"start", "end", "type"}]} per line, UTF-8 byte offsets.
Runs `gloss annotate --jsonl` on the texts and prints precision / recall / F1 per type, for exact spans
and for overlapping spans (same type, any overlap), micro-averaged over all types.

Gloss types map to the gold's CoNLL-style classes: GPE/LOC/FAC -> LOC, NORP/EVENT/PRODUCT -> MISC,
PERSON, ORG; DATE/TIME/MONEY/PERCENT are ignored. Only the classes the gold file uses are scored (UNER PUD
has no MISC), or those given with --types PERSON,ORG,LOC.

  python3 scripts/eval_entities.py --gloss build/native/native/gloss ../shared/dev-data/ner_dev.jsonl
"""
import argparse
import collections
import json
import subprocess
import sys

MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
       "NORP": "MISC", "EVENT": "MISC", "PRODUCT": "MISC"}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--gloss", default="build/native/native/gloss", help="path to the gloss CLI")
    ap.add_argument("--types", default="", help="comma-separated classes to score (default: all in gold)")
    ap.add_argument("--errors", type=int, default=0, help="print this many false positives/negatives")
    args = ap.parse_args()

    for path in args.gold:
        docs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
        run = subprocess.run([args.gloss, "annotate", "--jsonl", "-"], input=inp.encode("utf-8"),
                             stdout=subprocess.PIPE, check=False)
        outs = [json.loads(l) for l in run.stdout.decode("utf-8").splitlines() if l.strip()]
        if len(outs) != len(docs):
            sys.exit("eval: %d documents in, %d results out" % (len(docs), len(outs)))
        # Score the classes the gold set annotates (UNER PUD has no MISC), unless told otherwise.
        wanted = set(args.types.split(",")) if args.types else {e["type"] for d in docs for e in d["entities"]}
        exact = collections.defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
        over = collections.defaultdict(lambda: [0, 0, 0])
        errors = []
        for d, o in zip(docs, outs):
            text = d["text"].encode("utf-8")
            gold = [(e["start"], e["end"], e["type"]) for e in d["entities"]
                    if wanted is None or e["type"] in wanted]
            # Plain text input: the body field holds the whole text at input offsets 0..n.
            pred = []
            for e in o.get("entities", []):
                t = MAP.get(e["type"])
                if t is None or (wanted is not None and t not in wanted):
                    continue
                pred.append((e["start"], e["end"], t))
            gs, ps = set(gold), set(pred)
            for t in set(x[2] for x in gold) | set(x[2] for x in pred):
                g = {x for x in gs if x[2] == t}
                p = {x for x in ps if x[2] == t}
                exact[t][0] += len(g & p)
                exact[t][1] += len(p - g)
                exact[t][2] += len(g - p)
                hit_p = sum(1 for a in p if any(a[0] < b[1] and b[0] < a[1] for b in g))
                hit_g = sum(1 for b in g if any(a[0] < b[1] and b[0] < a[1] for a in p))
                over[t][0] += hit_g
                over[t][1] += len(p) - hit_p
                over[t][2] += len(g) - hit_g
            for s, e, t in sorted(ps - gs):
                errors.append(("FP", d["id"], text[s:e].decode("utf-8", "replace"), t,
                               [g[2] for g in gs if g[0] == s and g[1] == e]))
            for s, e, t in sorted(gs - ps):
                errors.append(("FN", d["id"], text[s:e].decode("utf-8", "replace"), t,
                               [p[2] for p in ps if p[0] == s and p[1] == e]))

        def prf(c):
            tp, fp, fn = c
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return p, r, f

        print("%s (%d documents)" % (path, len(docs)))
        print("  %-8s %6s %6s %6s | %6s %6s %6s | %5s" % ("type", "P", "R", "F1", "P~", "R~", "F1~", "gold"))
        total_e, total_o = [0, 0, 0], [0, 0, 0]
        for t in sorted(set(exact) | set(over)):
            for k in range(3):
                total_e[k] += exact[t][k]
                total_o[k] += over[t][k]
            pe, re_, fe = prf(exact[t])
            po, ro, fo = prf(over[t])
            print("  %-8s %6.1f %6.1f %6.1f | %6.1f %6.1f %6.1f | %5d" %
                  (t, 100 * pe, 100 * re_, 100 * fe, 100 * po, 100 * ro, 100 * fo, exact[t][0] + exact[t][2]))
        pe, re_, fe = prf(total_e)
        po, ro, fo = prf(total_o)
        print("  %-8s %6.1f %6.1f %6.1f | %6.1f %6.1f %6.1f | %5d" %
              ("ALL", 100 * pe, 100 * re_, 100 * fe, 100 * po, 100 * ro, 100 * fo, total_e[0] + total_e[2]))
        print("  (left: exact span and type; right, ~: same type, overlapping span)")
        if args.errors:
            counts = collections.Counter((k, x, t, tuple(o)) for k, _, x, t, o in errors)
            for (k, x, t, o), n in counts.most_common(args.errors):
                print("  %s %3d %-30s %-6s %s" % (k, n, x, t, "/".join(o)))


if __name__ == "__main__":
    main()
