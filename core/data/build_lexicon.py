#!/usr/bin/env python3
"""Compiles the entity recogniser's lexicon into one table embedded by gloss_core.

Sources (all Debian packages, read at build time; see scripts/setup.sh):
  iso-codes            /usr/share/iso-codes/json  countries (ISO 3166-1), subdivisions (3166-2), currencies (4217)
  wordnet-base         /usr/share/wordnet          proper-noun instances and their types, part-of holonyms
                                                   (Moscow -> Russia), pertainym adjectives (Russian -> Russia)
  wamerican            /usr/share/dict/american-english  lower-case English words
  libtext-names-perl   Text/Names.pm               US census first names and surnames
  miscfiles            /usr/share/dict/propernames.gz, /usr/share/misc/cities.dat.gz  first names, cities
  tzdata               /usr/share/zoneinfo/zone1970.tab  cities named by time zones
and the project's curated lists core/data/entity_cues.tsv and core/data/entity_names.tsv.

Output: a C++ file defining the byte array `gloss::kLexiconData` (and its size): the table below, its lines
front-coded (see front_code(); --text writes it plain). The table is text, so it reads in a debugger and
compresses well:
  "GLOSSLEX3\n"
  "@suffixes R1 R2 ...\n"  the inflection rules of the word list, "strip>add", "+" first to double the
                           stem's last letter ("y>ies": city -> cities; "+>ing": stop -> stopping)
  "@words\n"   one lower-case stem per line (sorted), then "\t" and the letters of the rules that make
               words of it (A = R1, B = R2...): "abandon\tADG" is abandon, abandons, abandoning, abandoned.
               The expansion is exactly wamerican's list (checked here), at 60% of the gzip size.
  "@first\n"   first names, "@surname\n" surnames (sorted)
  "@entries ORIGIN\n"  one section per origin (the data the type came from, "" for entries with cues only),
               in groups that share a type and a link, each opened by "%" type \t link, then its entries
               key [\t canonical [\t cues]] sorted by key (the shared fields said once: 9% smaller gzip)
The first word of every typed multi-word name is flagged "multistart" by the loader, not stored.
The loader (core/src/entities_lexicon.cpp) hashes it once at start-up. Deterministic: same inputs, same bytes.
Python 3 standard library only.
"""
import argparse
import gzip
import json
import os
import re
import sys

TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT")
# When one name has several types, the higher rank wins (a city beats a person of the same name).
RANK = {"GPE": 8, "LOC": 7, "NORP": 6, "ORG": 5, "EVENT": 4, "FAC": 3, "PRODUCT": 2, "PERSON": 1}

WN = "/usr/share/wordnet"
ISO = "/usr/share/iso-codes/json"


def read_lines(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read().splitlines()


def is_name(s):
    return bool(s) and s[0].isupper() and "\t" not in s and "\n" not in s and len(s.encode()) < 80


class Lexicon:
    def __init__(self):
        self.entries = {}  # key -> dict(type, canonical, link, cues:set, source, rank)

    def add(self, key, typ, canonical="", link="", source=0, origin=""):
        """source: 0 data, higher = more trusted (curated beats data); origin names the data for "rule"."""
        if not is_name(key):
            return
        if canonical == key:
            canonical = ""
        e = self.entries.get(key)
        if e is None:
            self.entries[key] = {"type": typ, "canonical": canonical, "link": link, "cues": set(), "source": source,
                                 "origin": origin}
            return
        if e["type"] == "":
            e.update(type=typ, canonical=canonical, link=link, source=source, origin=origin)
            return
        better = (source, RANK.get(typ, 0)) > (e["source"], RANK.get(e["type"], 0))
        if better:
            e.update(type=typ, canonical=canonical, link=link or e["link"], source=source, origin=origin)

    def cue(self, key, cues):
        e = self.entries.setdefault(key, {"type": "", "canonical": "", "link": "", "cues": set(), "source": 0,
                                          "origin": ""})
        e["cues"].update(cues)


# ---------------------------------------------------------------------------------------------------
# WordNet 3.0
def load_wordnet(path):
    synsets = {}
    for pos in ("noun", "adj"):
        for line in read_lines(os.path.join(path, "data." + pos)):
            if line.startswith("  "):
                continue
            head = line.split(" | ")[0].split()
            offset, lexfile = head[0], int(head[1])
            n = int(head[3], 16)
            words = [head[4 + 2 * i] for i in range(n)]
            i = 4 + 2 * n
            pcount = int(head[i])
            ptrs = []
            for k in range(pcount):
                sym, tgt, tpos, st = head[i + 1 + 4 * k: i + 5 + 4 * k]
                ptrs.append((sym, tgt, tpos, st))
            synsets[(pos[0], offset)] = (lexfile, words, ptrs)
    return synsets


GPE_CLASSES = {"city", "town", "national_capital", "state_capital", "provincial_capital", "capital",
               "country", "state", "province", "county", "municipality", "village", "port", "metropolis",
               "borough", "american_state", "kingdom", "sultanate", "emirate", "republic", "commonwealth",
               "administrative_district", "township", "canton", "district", "city_district", "urban_area"}
FAC_CLASSES = {"structure", "building", "bridge", "facility", "memorial", "monument", "tower", "palace",
               "stadium", "airport", "canal", "dam", "fortification", "church", "mosque", "temple", "street",
               "road", "castle", "prison"}
PRODUCT_CLASSES = {"weapon", "aircraft", "vehicle", "ship", "car", "device", "computer", "instrument"}
NORP_CLASSES = {"people", "nation", "ethnic_group", "tribe", "religion", "sect", "political_party", "faith",
                "inhabitant", "native", "religious_person", "disciple", "adherent", "believer"}
ORG_CLASSES = {"organization", "organisation", "institution", "company", "agency", "party", "team",
               "unit", "army", "union", "government", "administration", "establishment", "enterprise", "club",
               "university", "college", "school", "association", "league", "force", "service"}
EVENT_CLASSES = {"war", "battle", "military_action", "conflict", "revolution", "rebellion", "games",
                 "tournament", "championship", "siege", "campaign", "crusade", "massacre", "epidemic", "event"}


def ancestor_lemmas(synsets, key, limit=14):
    seen, out, stack = set(), set(), [(key, 0)]
    while stack:
        k, d = stack.pop()
        if k in seen or d > limit:
            continue
        seen.add(k)
        s = synsets.get(k)
        if not s:
            continue
        if k != key:
            out.update(w.lower() for w in s[1])
        for sym, tgt, tpos, _ in s[2]:
            if sym in ("@", "@i") and tpos == "n":
                stack.append((("n", tgt), d + 1))
    return out


def wordnet_type(synsets, key):
    lexfile, words, ptrs = synsets[key]
    anc = ancestor_lemmas(synsets, key)
    if lexfile == 18:  # noun.person
        return "PERSON"
    if lexfile in (15, 17):  # noun.location, noun.object (rivers, mountains, islands)
        if anc & GPE_CLASSES:
            return "GPE"
        return "LOC"
    if lexfile == 14:  # noun.group
        if anc & NORP_CLASSES and not anc & {"organization"}:
            return "NORP"
        if anc & ORG_CLASSES:
            return "ORG"
        return ""
    if lexfile == 6:  # noun.artifact
        if anc & {"university", "college", "school", "academy", "institute"}:
            return "ORG"  # the institution, as news uses the name
        if anc & FAC_CLASSES:
            return "FAC"
        if anc & PRODUCT_CLASSES:
            return "PRODUCT"
        return ""
    if lexfile in (4, 11):  # noun.act, noun.event
        if anc & EVENT_CLASSES:
            return "EVENT"
        return ""
    return ""


def wn_name(w):
    return re.sub(r"\(.*\)$", "", w).replace("_", " ")


def wordnet_given_names(synsets, words):
    """First words of WordNet's people ("Johann Sebastian Bach" -> Johann): given names from many languages."""
    given = set()
    for key, (lexfile, ws, ptrs) in synsets.items():
        if key[0] != "n" or lexfile != 18 or not any(p[0] == "@i" for p in ptrs):
            continue
        for w in ws:
            parts = wn_name(w).split(" ")
            if len(parts) >= 2 and len(parts[0]) >= 3 and parts[0][0].isupper() and parts[0][1:].islower() \
                    and parts[0].lower() not in words and "." not in parts[0]:
                given.add(parts[0])
    return given


def add_wordnet(lex, synsets, words):
    # Instances (proper nouns with a type).
    inst = {}
    for key, (lexfile, ws, ptrs) in synsets.items():
        if key[0] != "n" or not any(p[0] == "@i" for p in ptrs):
            continue
        typ = wordnet_type(synsets, key)
        if not typ:
            continue
        inst[key] = typ
    first_lemma_of = {}
    lemma_synsets = {}
    for key in inst:
        names = [wn_name(w) for w in synsets[key][1]]
        first_lemma_of[key] = names[0]
        for i, n in enumerate(names):
            lemma_synsets.setdefault(n, []).append((i, key))
    for key, typ in sorted(inst.items()):
        if typ == "PERSON":
            # WordNet's 5,000 people (Immanuel Kant, Martina Navratilova) are found as well by the name
            # rules (dev-set F1 unchanged without them) and cost 51 KB of the browser download.
            continue
        lexfile, ws, ptrs = synsets[key]
        names = [wn_name(w) for w in ws]
        link = ""
        if typ in ("GPE", "LOC", "FAC"):
            for sym, tgt, tpos, _ in ptrs:
                if sym == "#p" and ("n", tgt) in inst:
                    link = first_lemma_of[("n", tgt)]
                    break
        for i, n in enumerate(names):
            if not is_name(n) or n.lower() in words and n.isupper():
                continue  # "IN" (Indiana), "OR": capitals that are also common words
            # A lemma shared by several synsets (Russia: the federation, the USSR, the empire) is its own
            # canonical; otherwise every lemma points to the synset's first (US -> United States).
            canon = n if i == 0 or len(lemma_synsets.get(n, [])) > 1 else names[0]
            lex.add(n, typ, canon, link, source=1, origin="wordnet")
    # Members of peoples and faiths: capitalised common nouns for persons ("Hindu", "Sikh", "Texan").
    member_classes = {"religious_person", "believer", "adherent", "disciple", "inhabitant", "native", "national",
                      "follower", "supporter", "european", "asian", "african", "american"}
    for key, (lexfile, ws, ptrs) in sorted(synsets.items()):
        if key[0] != "n" or lexfile != 18 or any(p[0] == "@i" for p in ptrs):
            continue
        if not ancestor_lemmas(synsets, key, limit=4) & member_classes:
            continue
        for w in ws:
            n = wn_name(w)
            if is_name(n) and " " not in n and n.lower() not in words and n[1:].islower():
                lex.add(n, "NORP", "", "", source=0.5, origin="wordnet-member")
                plural = n[:-3] + "men" if n.endswith("man") else \
                    None if n.endswith(("s", "sh", "ch", "x", "z", "ese")) else n + "s"
                if plural:
                    lex.add(plural, "NORP", n, "", source=0.5, origin="wordnet-member")
    # Pertainym adjectives: Russian -> Russia (NORP, canonical = the place).
    for key, (lexfile, ws, ptrs) in sorted(synsets.items()):
        if key[0] != "a":
            continue
        for sym, tgt, tpos, st in ptrs:
            if sym != "\\" or tpos != "n":
                continue
            target = synsets.get(("n", tgt))
            if not target or ("n", tgt) not in inst or inst[("n", tgt)] not in ("GPE", "LOC"):
                continue
            src, dst = int(st[:2], 16), int(st[2:], 16)
            adjs = [ws[src - 1]] if src else ws
            place = wn_name(target[1][dst - 1] if dst else target[1][0])
            # The adjective of a country or city beats a river of the same spelling ("Canadian"); that of a
            # sea or a range does not ("Mediterranean", "Aegean" are mostly the places themselves).
            trust = 1.5 if inst[("n", tgt)] == "GPE" else 1
            for a in adjs:
                a = re.sub(r"\(.*\)$", "", a).replace("_", " ")
                if is_name(a):
                    lex.add(a, "NORP", place, "", source=trust, origin="wordnet-pertainym")
                    if a.endswith(("an", "i")):
                        lex.add(a + "s", "NORP", place, "", source=trust, origin="wordnet-pertainym")


# ---------------------------------------------------------------------------------------------------
def add_iso(lex, words):
    countries = json.load(open(os.path.join(ISO, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    alpha2 = {}
    for c in countries:
        canon = c.get("common_name") or c["name"]
        if "," in canon:
            canon = canon.split(",")[0]
        alpha2[c["alpha_2"]] = canon
        for n in (c["name"], c.get("common_name"), c.get("official_name")):
            if n and "," not in n:
                lex.add(n, "GPE", canon, "", source=2, origin="iso3166-1")
    subs = json.load(open(os.path.join(ISO, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    for s in subs:
        country = alpha2.get(s["code"][:2], "")
        for n in re.split(r"\s*\[|\]\s*|\s*\(|\)\s*", s["name"]):
            n = n.strip()
            if not n or "," in n or n.lower() in words or len(n) < 3:
                continue
            lex.add(n, "GPE", "", country, source=0, origin="iso3166-2")
    return alpha2


def add_cities(lex, words, alpha2):
    by_name = {v.lower(): v for v in alpha2.values()}
    path = "/usr/share/misc/cities.dat.gz"
    if os.path.exists(path):
        name = country = None
        for line in read_lines(path) + ["//"]:
            if line.startswith("Name"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith(" Country"):
                country = line.split(":", 1)[1].strip()
            elif line.startswith("//"):
                if name and name.lower() not in words:
                    lex.add(name, "GPE", "", by_name.get((country or "").lower(), country or ""), source=0,
                            origin="cities")
                name = country = None
    path = "/usr/share/zoneinfo/zone1970.tab"
    if os.path.exists(path):
        for line in read_lines(path):
            if line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            city = parts[2].split("/")[-1].replace("_", " ")
            if city.lower() not in words:
                lex.add(city, "GPE", "", alpha2.get(parts[0].split(",")[0], ""), source=0, origin="tzdata")


def load_names(words):
    first_freq, surname_freq = {}, {}
    pm = "/usr/share/perl5/Text/Names.pm"
    if os.path.exists(pm):
        section = None
        for line in read_lines(pm):
            if line.startswith("$COMMON_MALE_FIRSTNAMES") or line.startswith("$COMMON_FEMALE_FIRSTNAMES"):
                section = first_freq
                continue
            if line.startswith("$COMMON_SURNAMES"):
                section = surname_freq
                continue
            if line.startswith("ENDNAMES"):
                section = None
                continue
            if section is not None:
                for m in re.finditer(r"\b([A-Z][A-Z'-]+)\s+([\d.]+)\s+[\d.]+\s+\d+", line):
                    section[m.group(1).capitalize()] = float(m.group(2))
    # The census lists run down to names one person in 100,000 has ("See", "Old"): keep the frequent ones,
    # and of those that are also English words only the common ones ("Mark", "May").
    first = {n for n, f in first_freq.items() if f >= 0.003 and (n.lower() not in words or f >= 0.03)}
    surname = {n for n, f in surname_freq.items() if n.lower() not in words or f >= 0.05}
    pn = "/usr/share/dict/propernames.gz"
    if os.path.exists(pn):
        for line in read_lines(pn):
            line = line.strip()
            if is_name(line) and " " not in line and line.lower() not in words:
                first.add(line)
    return first, surname


# Inflections that rebuild most of wamerican from its stems: (strip, add, double the last letter).
# The order gives the flag letters (A, B, ...); the loader reads the rules from the table.
SUFFIX_RULES = [("", "s", 0), ("", "es", 0), ("y", "ies", 0), ("", "ing", 0), ("e", "ing", 0), ("", "ing", 1),
                ("", "ed", 0), ("", "d", 0), ("", "ed", 1), ("y", "ied", 0), ("", "ly", 0), ("", "er", 0),
                ("", "r", 0), ("", "er", 1), ("y", "ier", 0), ("", "ers", 0), ("", "rs", 0), ("", "est", 0),
                ("", "st", 0), ("y", "iest", 0), ("", "est", 1), ("", "ness", 0), ("y", "iness", 0),
                ("e", "ion", 0), ("e", "ions", 0), ("", "ment", 0), ("", "ments", 0), ("", "y", 1), ("", "y", 0),
                ("y", "ily", 0), ("", "ally", 0), ("", "al", 0), ("le", "ly", 0)]
RULE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def inflect(stem, rule):
    strip, add, double = rule
    if strip:
        if not stem.endswith(strip):
            return None
        stem = stem[:-len(strip)]
    if double:
        if not stem or stem[-1] in "aeiouwxy":
            return None
        stem += stem[-1]
    return stem + add


def stem_lines(words):
    """The word list as stems with rule letters; a word whose stem is itself a stored stem is left out."""
    makers = {}
    for stem in words:
        for i, rule in enumerate(SUFFIX_RULES):
            w = inflect(stem, rule)
            if w in words:
                makers.setdefault(w, []).append((stem, i))
    derived, stems, rules_of = set(), set(), {}
    for w in sorted(words, key=lambda x: (len(x), x)):
        if w in stems:
            continue  # already the stem of another word
        for stem, i in sorted(makers.get(w, [])):
            if stem not in derived:
                derived.add(w)
                stems.add(stem)
                rules_of.setdefault(stem, []).append(i)
                break
    lines, rebuilt = [], set()
    for stem in sorted(words - derived):
        rules = sorted(rules_of.get(stem, []))
        lines.append(stem + ("\t" + "".join(RULE_LETTERS[i] for i in rules) if rules else ""))
        rebuilt.add(stem)
        rebuilt.update(inflect(stem, SUFFIX_RULES[i]) for i in rules)
    assert rebuilt == words, "the stem encoding must rebuild the word list exactly"
    return lines


def front_code(table):
    """Each line but the headers ("@" section, "%" group) starts with one byte, 'A' + n: its first n bytes
    (at most 57, so the byte stays a letter) are those of the line before in the section. Sorted lines share
    long prefixes that gzip's window does not see: 14% smaller after gzip (191 -> 164 KB)."""
    lines = table.split(b"\n")
    out = [lines[0]]  # the format's name
    previous = b""
    for line in lines[1:]:
        if not line or line[:1] in (b"@", b"%"):
            out.append(line)
            previous = b""
            continue
        n = 0
        limit = min(len(line), len(previous), 57)
        while n < limit and line[n] == previous[n]:
            n += 1
        out.append(bytes([ord("A") + n]) + line[n:])
        previous = line
    return b"\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--out", required=True, help="generated .cpp")
    ap.add_argument("--text", help="also write the raw table here (for inspection)")
    args = ap.parse_args()

    words = set()
    for w in read_lines("/usr/share/dict/american-english"):
        if w and w.isascii() and w.islower() and "'" not in w:
            words.add(w)

    lex = Lexicon()
    synsets = load_wordnet(WN)
    alpha2 = add_iso(lex, words)
    add_wordnet(lex, synsets, words)
    add_cities(lex, words, alpha2)

    for line in read_lines(os.path.join(args.data, "entity_names.tsv")):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        name, typ = parts[0], parts[1]
        assert typ in TYPES, line
        lex.add(name, typ, parts[2] if len(parts) > 2 else "", "", source=9, origin="entity_names.tsv")
    for line in read_lines(os.path.join(args.data, "entity_cues.tsv")):
        if not line or line.startswith("#"):
            continue
        word, cues = line.split("\t")
        lex.cue(word, cues.split(","))
    # Months and weekdays with their numbers (the DATE rules read them from the table).
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    for i, m in enumerate(months, 1):
        lex.cue(m, ["month%d" % i])
        for ab in {m[:3] + ".", m[:4] + "." if m == "September" else m[:3] + "."}:
            if m != "May":
                lex.cue(ab, ["month%d" % i])
        lex.cue(m[:3], ["monthabbr%d" % i])
    for i, d in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"], 1):
        lex.cue(d, ["weekday%d" % i])
    # Currencies (ISO 4217): codes as money units.
    for c in json.load(open(os.path.join(ISO, "iso_4217.json"), encoding="utf-8"))["4217"]:
        lex.cue(c["alpha_3"], ["currency"])
    for w in ("dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "rouble", "roubles",
              "ruble", "rubles", "rupee", "rupees", "francs", "cents", "pence", "won", "riyals", "dinars"):
        lex.cue(w, ["currency"])

    first, surname = load_names(words)
    # Given names from WordNet's people, unless the word names a place ("Georgia" stays a first name
    # only if a name list has it).
    for g in wordnet_given_names(synsets, words):
        e = lex.entries.get(g)
        if e is None or not e["type"]:
            first.add(g)
    out = ["GLOSSLEX3", "@suffixes " + " ".join(("+" if dbl else "") + strip + ">" + add
                                               for strip, add, dbl in SUFFIX_RULES)]
    out.append("@words")
    out += stem_lines(words)
    out.append("@first")
    out += sorted(first)
    out.append("@surname")
    out += sorted(surname)
    by_origin = {}
    for key, e in lex.entries.items():
        by_origin.setdefault(e["origin"] if e["type"] else "", []).append(key)
    for origin in sorted(by_origin):
        out.append("@entries " + origin)
        group = None
        for key in sorted(by_origin[origin], key=lambda k: (lex.entries[k]["type"], lex.entries[k]["link"], k)):
            e = lex.entries[key]
            if (e["type"], e["link"]) != group:
                group = (e["type"], e["link"])
                out.append("%" + e["type"] + "\t" + e["link"])
            out.append("\t".join([key, e["canonical"], ",".join(sorted(e["cues"]))]).rstrip("\t"))
    table = ("\n".join(out) + "\n").encode("utf-8")
    if args.text:
        with open(args.text, "wb") as f:
            f.write(table)
    blob = front_code(table)
    body = []
    for i in range(0, len(blob), 32):
        body.append(",".join(str(b) for b in blob[i:i + 32]))
    cpp = ("// Generated by core/data/build_lexicon.py from Debian data and core/data/*.tsv. Do not edit.\n"
           "#include <cstddef>\n\nnamespace gloss {\n\nextern const unsigned char kLexiconData[];\n"
           "extern const std::size_t kLexiconSize;\n"
           "alignas(8) const unsigned char kLexiconData[] = {\n" + ",\n".join(body) + "\n};\n"
           "const std::size_t kLexiconSize = %d;\n\n}  // namespace gloss\n" % len(blob))
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        f.write(cpp)
    os.replace(tmp, args.out)
    print("build_lexicon: %d bytes, %d entries, %d words" % (len(blob), len(lex.entries), len(words)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
