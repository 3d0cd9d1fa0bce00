// The entity recogniser: capitalised chunks typed from the lexicon and context rules, numeric entities
// from re2 rules, then document consistency, acronym links, overlaps, groups.
//
// Rules and data are described in docs/entities.md. Index:
// [SECTION] Helpers: per-token lexicon cache, lines in capitals, sports stories, headline case
// [SECTION] Numeric entities: candidates for entities_numeric.cpp
// [SECTION] Chunks: cutting runs of capitalised tokens, dropping sentence-initial and headline words
// [SECTION] Typing: lexicon, cue words, context, defaults
// [SECTION] Extensions: "Russia's foreign ministry", "Korean peninsula", "northeast Asia"
// [SECTION] Document: consistency, surnames, acronyms, coordination, overlaps, groups
#include "entities.h"

#include <algorithm>
#include <map>

#include "entities_internal.h"
#include "string_view_map.h"

namespace gloss {
namespace ner {
namespace {

constexpr std::size_t kMaxGazTokens = 6;   // longest name looked up as one lexicon key
constexpr std::size_t kMaxChunkTokens = 12;

// What the document already knows about a name (from a strong decision elsewhere in it).
struct Known {
  EntityType type = EntityType::kOrg;
  std::string canonical;
  int strength = 0;
};
// Keys view the document's field texts, which outlive the recogniser and do not change during it.
using KnownMap = StringViewMap<Known>;

// Per-token lexicon facts, looked up at most once per token.
struct TokenInfo {
  const LexEntry* entry = nullptr;
  std::uint8_t looked_up = 0;  // bit 0: entry; bit 1: lower-case word test done; bit 2: is a word
};

struct FieldCandidates {
  int field = 0;
  std::vector<Candidate> cands;
};

// Buffers reused across the fields of a document (no per-token allocation), and from one document to
// the next (no per-document allocation once they have grown).
struct Scratch {
  std::vector<Token> tokens;
  std::vector<std::uint8_t> used;
  std::vector<TokenInfo> info;
  std::string buf;
  bool sports = false;  // the body reads like a sports story (results): towns name their clubs
  // last word -> full name of the first person named so with it in the document ("Trump", "Clinton"
  // alone). A hash map: looked up for every capitalised word, so a scan would be quadratic.
  StringViewMap<std::string_view> surnames;
  KnownMap known;                 // see recognise_entities()
  StringViewMap<int> groups;      // canonical name -> mention group
  std::vector<FieldCandidates> fields;  // per field, in reading order (see recognise_entities())
  std::vector<int> order;               // field indexes in reading order
  StringViewMap<EntityType> hinted;     // names typed by a context rule (weak consistency)
  std::string_view body;                // the body's text once it is read (see lower_in_body())
};

bool is_name_type(EntityType t) {
  return t != EntityType::kDate && t != EntityType::kTime && t != EntityType::kMoney && t != EntityType::kPercent;
}

// Text order of candidates: one comparator type for run()'s merge and resolve_caps_pending()'s sort, so
// they share std::inplace_merge's code (a lambda each made two copies: 1 KB gzip of WASM).
struct ByStart {
  bool operator()(const Candidate& x, const Candidate& y) const { return x.span.start < y.span.start; }
};

class FieldRecogniser {
 public:
  FieldRecogniser(const Lexicon& lex, std::string_view text, FieldKind kind, const DateAnchor& anchor,
                  const KnownMap& known, Scratch& scratch, std::vector<Candidate>& out)
      : lex_(lex), text_(text), kind_(kind), anchor_(anchor), known_(known), toks_(scratch.tokens),
        used_(scratch.used), info_(scratch.info), scratch_(scratch.buf), sports_(scratch.sports),
        surnames_(scratch.surnames), body_(scratch.body), out_(out) {}

  void run() {
    tokenize(text_, lex_, toks_);
    used_.assign(toks_.size(), 0);
    info_.assign(toks_.size(), TokenInfo{});
    detect_case_style();
    mark_caps_lines();
    if (kind_ == FieldKind::kBody) sports_ = detect_sports();
    first_out_ = out_.size();
    numeric_pass();
    middle_out_ = out_.size();
    chunk_pass();
    resolve_caps_pending();
    // Both passes emit in text order: merge them (moves each candidate at most once or twice), unless
    // no number starts after the first name (then the merge would keep the order, but allocate a buffer).
    const ByStart by_start;
    const auto begin = out_.begin() + static_cast<std::ptrdiff_t>(first_out_);
    const auto mid = out_.begin() + static_cast<std::ptrdiff_t>(middle_out_);
    if (mid != out_.end() && std::any_of(begin, mid, [&](const Candidate& c) { return by_start(*mid, c); })) {
      std::inplace_merge(begin, mid, out_.end(), by_start);
    }
  }

 private:
  // [SECTION] Helpers
  // Tokens lie inside text_: no bounds-checked substr, whose throwing path kept these out of line.
  std::string_view word(std::size_t i) const {
    return std::string_view(text_.data() + toks_[i].start, toks_[i].end - toks_[i].start);
  }
  std::string_view slice(std::size_t a, std::size_t b) const {
    return std::string_view(text_.data() + toks_[a].start, toks_[b - 1].end - toks_[a].start);
  }
  const LexEntry* entry(std::size_t i) const {
    TokenInfo& t = info_[i];
    if (!(t.looked_up & 1)) {
      t.entry = toks_[i].is(kTokPunct) ? nullptr : lex_.find(word(i));
      t.looked_up |= 1;
    }
    return t.entry;
  }
  std::uint32_t flags(std::size_t i) const {
    const LexEntry* e = entry(i);
    return e ? e->flags : 0;
  }
  bool is_cap(std::size_t i) const {
    const Token& t = toks_[i];
    return t.is(kTokWord) && !t.is(kTokPossessive) && (t.is(kTokUpper) || t.is(kTokAllCaps));
  }
  bool adjacent(std::size_t i) const {  // token i follows i-1 on the same line with at most a space
    const Token& t = toks_[i];
    if (t.is(kTokNewlineBefore)) return false;
    return t.start - toks_[i - 1].end <= 1;
  }
  // In a Title Case headline, a word the body writes in lower case is a common word even when the word
  // list lacks it ("Dockworkers Strike..." over "Thousands of dockworkers walked off"). Only for the
  // article's own title: one scan of the body per such word.
  bool lower_in_body(std::string_view wd) const {
    char lower[48];
    if (wd.size() < 3 || wd.size() > sizeof lower || body_.empty()) return false;
    for (std::size_t k = 0; k < wd.size(); ++k) {
      const char c = wd[k];
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
      lower[k] = c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view needle(lower, wd.size());
    // A word of its own: after a space, a line start or opening punctuation (not "@", "#", "/" or "."),
    // and not followed by a letter, digit, non-ASCII byte, "@" or "."+letter ("ravensholt.com").
    const auto word_byte = [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
             static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t at = body_.find(needle); at != std::string_view::npos; at = body_.find(needle, at + 1)) {
      const std::size_t end = at + needle.size();
      const char before = at == 0 ? ' ' : body_[at - 1];
      const bool starts = before == ' ' || before == '\n' || before == '\t' || before == '(' || before == '"' ||
                          before == '\'' || before == '-';
      const char after = end == body_.size() ? ' ' : body_[end];
      const bool dotted = after == '.' && end + 1 < body_.size() && word_byte(body_[end + 1]);
      if (starts && !word_byte(after) && after != '@' && !dotted) return true;
    }
    return false;
  }

  bool common_word(std::size_t i) const {
    if (toks_[i].is(kTokAllCaps)) return false;
    TokenInfo& t = info_[i];
    if (!(t.looked_up & 2)) {
      std::string_view wd = word(i);
      // "He'd", "It’s": judge the word before the apostrophe (a byte loop: find_first_of called memchr
      // for every character)
      std::size_t apos = 0;
      while (apos < wd.size() && wd[apos] != '\'' && wd[apos] != '\xE2') ++apos;
      if (apos < wd.size() && apos > 0) wd = wd.substr(0, apos);
      bool w = toks_[i].is(kTokLower) ? lex_.is_word(wd) : lex_.is_word_lower(wd);
      if (!w && wd.size() > 4 && wd.back() == 's' && !toks_[i].is(kTokLower)) {
        w = lex_.is_word_lower(wd.substr(0, wd.size() - 1));  // "Councils": plural of a word
      }
      if (!w && title_case_ && kind_ == FieldKind::kTitle && !toks_[i].is(kTokLower)) w = lower_in_body(wd);
      t.looked_up |= w ? 6 : 2;
    }
    return (t.looked_up & 4) != 0;
  }

  // Lines written in capitals ("SOCCER - JAPAN GET LUCKY WIN", "LONDON 1996-08-30"): there only names
  // the lexicon knows (looked up in title case) count. Marks their tokens with bit 3 of TokenInfo.
  void mark_caps_lines() {
    const std::size_t n = toks_.size();
    std::size_t line = 0;  // first token of the current line
    int caps = 0, other = 0;
    const auto close_line = [&](std::size_t end) {
      if ((all_caps_ || caps >= 2) && caps > 4 * other) {
        for (std::size_t k = line; k < end; ++k) info_[k].looked_up |= 8;
      }
    };
    for (std::size_t k = 0; k < n; ++k) {  // one pass: words counted as their line is read
      const Token& t = toks_[k];
      if (k > line && t.is(kTokNewlineBefore)) {
        close_line(k);
        line = k;
        caps = other = 0;
      }
      if (!t.is(kTokWord) || t.end - t.start < 2) continue;
      if (t.is(kTokAllCaps)) {
        ++caps;
      } else if (t.is(kTokLower) || t.is(kTokUpper)) {
        ++other;
      }
    }
    if (n > 0) close_line(n);
  }
  bool in_caps_line(std::size_t i) const { return (info_[i].looked_up & 8) != 0; }

  // Title case of an all-capitals slice ("SOUTH KOREA" -> "South Korea") in scratch_ (ASCII letters only).
  std::string_view title_cased(std::string_view s) {
    scratch_.assign(s);
    bool start = true;
    for (char& c : scratch_) {
      const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (letter && !start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      start = !letter && c != '\'' ;
    }
    return scratch_;
  }

  // A sport in the opening capitals, or scores ("2-1", "3-0") three times or more: a sports story.
  bool detect_sports() const {
    int scores = 0;
    for (std::size_t k = 0; k < toks_.size() && k < 40; ++k) {
      if (toks_[k].is(kTokAllCaps) && (flags(k) & kLexSport)) return true;  // "CRICKET - ..."
    }
    for (std::size_t k = 0; k + 2 < toks_.size(); ++k) {
      const Token& x = toks_[k];
      const Token& y = toks_[k + 2];
      if (x.is(kTokNumber) && y.is(kTokNumber) && x.end - x.start <= 2 && y.end - y.start <= 2 &&
          toks_[k + 1].start == x.end && toks_[k + 1].end == y.start && text_[x.end] == '-') {
        if (++scores >= 3) return true;
      }
    }
    return false;
  }

  // Words of a line in capitals that the rest of the field names as a person's surname:
  // "TENNIS - IVANISEVIC BEATS SAMPRAS" with "Goran Ivanisevic" and "Pete Sampras" below.
  void resolve_caps_pending() {
    const std::size_t caps_first = out_.size();
    bool added = false;
    for (std::size_t p : caps_pending_) {
      const std::string_view full = full_name_of(title_cased(word(p)));
      if (full.empty()) continue;
      const std::string canonical(full);  // title_cased() reuses scratch_, which emit() may use
      emit(p, p + 1, EntityType::kPerson, 2, "document:surname", canonical);
      added = true;
    }
    caps_pending_.clear();
    if (added) {
      // Text order, as a stable sort of this field's candidates would give: the two passes' runs are each
      // in text order (see run()), these few are put in order, then the three runs merged, earlier runs
      // first among equal starts. Stable merges only: no stable_sort instantiation (1.7 KB gzip of WASM).
      const ByStart by_start;
      const auto at = [&](std::size_t i) { return out_.begin() + static_cast<std::ptrdiff_t>(i); };
      for (std::size_t k = caps_first + 1; k < out_.size(); ++k) {
        std::inplace_merge(at(caps_first), at(k), at(k + 1), by_start);
      }
      std::inplace_merge(at(first_out_), at(middle_out_), at(caps_first), by_start);
      std::inplace_merge(at(first_out_), at(caps_first), out_.end(), by_start);
    }
  }

  // `w` is "in"/"at"/"from"... in any case ("IN ZURICH").
  bool is_place_preposition(std::size_t i) const {
    const std::string_view w = word(i);
    if (w.size() < 2 || w.size() > 4) return false;
    char lower[4];
    for (std::size_t k = 0; k < w.size(); ++k) lower[k] = static_cast<char>(w[k] >= 'A' && w[k] <= 'Z' ? w[k] - 'A' + 'a' : w[k]);
    return (lex_.flags(std::string_view(lower, w.size())) & kLexLocPrep) != 0;
  }

  void detect_case_style() {
    if (kind_ == FieldKind::kBody) return;
    int upper = 0, lower = 0, caps = 0;
    for (const Token& t : toks_) {
      if (!t.is(kTokWord) || t.end - t.start < 4) continue;
      if (t.is(kTokAllCaps)) ++caps;
      if (t.is(kTokUpper)) ++upper;
      else if (t.is(kTokLower)) ++lower;
    }
    title_case_ = upper + lower >= 2 && upper * 10 >= (upper + lower) * 6;
    all_caps_ = upper >= 3 && caps * 10 >= upper * 8;
  }

  // [SECTION] Numeric entities
  void numeric_pass() {
    for (std::size_t i = 0; i < toks_.size();) {
      const Token& t = toks_[i];
      bool candidate = t.is(kTokNumber);
      if (t.is(kTokPunct)) {
        const unsigned char b = static_cast<unsigned char>(text_[t.start]);
        // $, € (E2 82 AC), £ (C2 A3), ¥ (C2 A5); not the other E2 and C2 marks (curly quotes, dashes)
        const auto byte_at = [&](std::size_t k) { return k < text_.size() ? static_cast<unsigned char>(text_[k]) : 0; };
        const unsigned char b1 = byte_at(t.start + 1), b2 = byte_at(t.start + 2);
        candidate = b == '$' || (b == 0xE2 && b1 == 0x82 && b2 == 0xAC) ||
                    (b == 0xC2 && (b1 == 0xA3 || b1 == 0xA5));
      } else if (t.is(kTokWord)) {
        if (t.is(kTokUpper)) {
          candidate = (flags(i) & (kLexMonth | kLexMonthAbbr | kLexWeekday)) != 0;
        } else {
          const std::string_view w = word(i);
          candidate = equals(w, "today") || equals(w, "tomorrow") || equals(w, "tonight") ||
                      equals(w, "yesterday");
        }
        candidate = candidate || (t.end < text_.size() && text_[t.end] == '$');
      }
      std::size_t j = candidate ? match_numeric(text_, toks_, i, lex_, anchor_, out_) : i;
      if (j > i) {
        for (std::size_t k = i; k < j; ++k) used_[k] = 1;
        i = j;
      } else {
        ++i;
      }
    }
  }

  // [SECTION] Chunks
  void chunk_pass() {
    const std::size_t n = toks_.size();
    for (std::size_t i = 0; i < n;) {
      if (used_[i] || !is_cap(i)) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < n && j - i < kMaxChunkTokens && !used_[j] && adjacent(j)) {
        if (is_cap(j)) {
          ++j;
          continue;
        }
        const Token& u = toks_[j];
        // "van der Pas", "de la Cruz": a chain of particles before a capital.
        if (u.is(kTokLower) && (flags(j) & kLexParticle)) {
          std::size_t k = j;
          while (k < n && k - j < 3 && toks_[k].is(kTokLower) && (flags(k) & kLexParticle) && adjacent(k)) ++k;
          if (k < n && k > j + 1 && is_cap(k) && !used_[k] && adjacent(k)) {
            j = k + 1;
            continue;
          }
        }
        if (j + 1 < n && is_cap(j + 1) && !used_[j + 1] && adjacent(j + 1)) {
          const std::string_view w = word(j);
          const std::uint32_t prev = flags(j - 1);
          const bool of =
              equals(w, "of") && (prev & (kLexOrgPre | kLexLocPre | kLexEventPre | kLexGpeSuf | kLexOrgSuf));
          const bool for_ = equals(w, "for") && (prev & kLexOrgSuf);
          const bool particle = u.is(kTokLower) && (flags(j) & kLexParticle);
          // not "Jenny Seaton & Gary Carvolth"
          const bool amp = equals(w, "&") && !(flags(j + 1) & kLexFirst);
          bool and_ = false;
          if (equals(w, "and")) {
            // "Nippon Telegraph and Telephone Corp", "Bosnia and Herzegovina": one name when the words
            // after "and" end on an organisation word or the whole is a lexicon name.
            std::size_t k = j + 1;
            while (k < n && k - i < kMaxChunkTokens && is_cap(k) && !used_[k] && adjacent(k)) ++k;
            const LexEntry* whole = lex_.find(slice(i, k));
            // ... but not "Toyota Motor Corp and Sony Corp": two organisations.
            and_ = ((flags(k - 1) & kLexOrgSuf) && !(flags(j - 1) & kLexOrgSuf)) || (whole && whole->has_type());
          }
          if (of || for_ || particle || amp || and_) {
            j += 2;
            continue;
          }
        }
        break;
      }
      process_chunk(i, j);
      i = j;
    }
  }

  // Longest typed lexicon (or document-known) name at token p, within [p, limit). 0 if none.
  std::size_t name_match(std::size_t p, std::size_t limit, const LexEntry** found, const Known** known) const {
    *found = nullptr;
    *known = nullptr;
    const bool multi_start = (flags(p) & kLexMultiStart) != 0;
    const bool multi = multi_start || !known_.empty() || toks_[p].is(kTokAllCaps);
    // A typed name of several words starts with a word the loader marked (kLexMultiStart): a longer
    // slice that starts with this word and a space can only be in the table when the word is marked.
    const std::size_t after = toks_[p].end;
    const bool longer_in_table = multi_start || after >= text_.size() || text_[after] != ' ';
    for (std::size_t len = multi ? std::min(kMaxGazTokens, limit - p) : 1; len >= 1; --len) {
      if (!toks_[p + len - 1].is(kTokWord)) continue;
      const std::string_view s = slice(p, p + len);
      if (const LexEntry* e = len == 1 ? entry(p) : longer_in_table ? lex_.find(s) : nullptr; e && e->has_type()) {
        *found = e;
        return len;
      }
      if (toks_[p].is(kTokAllCaps) && (len > 1 || s.size() > 3 || (in_caps_line(p) && s.size() == 3))) {
        if (const LexEntry* e = lex_.find(const_cast<FieldRecogniser*>(this)->title_cased(s)); e && e->has_type()) {
          *found = e;
          return len;
        }
      }
      if (known_.empty()) continue;
      if (const Known* k = known_.find(s); k && k->strength >= 2) {
        *known = k;
        return len;
      }
    }
    return 0;
  }

  void process_chunk(std::size_t a, std::size_t b) {
    // Which tokens may be part of a name: drop sentence-initial (or, in a Title Case headline, any)
    // common English words that start no known name.
    bool keep[kMaxChunkTokens + 2] = {};
    for (std::size_t p = a; p < b;) {
      const LexEntry* e;
      const Known* k;
      if (std::size_t len = name_match(p, b, &e, &k)) {
        for (std::size_t q = p; q < p + len; ++q) keep[q - a] = true;
        p += len;
        continue;
      }
      bool drop = in_caps_line(p);  // on a line in capitals only known names count
      if (drop && toks_[p].is(kTokAllCaps) && toks_[p].end - toks_[p].start >= 3) caps_pending_.push_back(p);
      // connectors ("of", "van") stay inside; runs are trimmed to capitals below
      if (is_cap(p) && (title_case_ || (p == a && toks_[p].is(kTokSentenceStart))) && common_word(p)) {
        const bool first_name = (flags(p) & kLexFirst) && p + 1 < b && is_cap(p + 1) && !common_word(p + 1);
        const bool title = (flags(p) & (kLexTitle | kLexHonorific)) != 0 && p + 1 < b;
        const bool surname = !full_name_of(word(p)).empty();  // "Brown said" after "Gordon Brown"
        drop = !first_name && !title && !surname;
      }
      if (is_cap(p) && (flags(p) & kLexNonName) && !(flags(p) & (kLexTitle | kLexHonorific))) drop = true;
      keep[p - a] = !drop;
      ++p;
    }
    for (std::size_t p = a; p < b;) {
      if (!keep[p - a]) {
        ++p;
        continue;
      }
      std::size_t q = p + 1;
      while (q < b && keep[q - a]) ++q;
      // A run starts and ends on a capitalised word, never on a connector.
      std::size_t start = p, end = q;
      while (start < end && !is_cap(start)) ++start;
      while (end > start && !is_cap(end - 1)) --end;
      if (end > start) type_run(start, end);
      p = q;
    }
  }

  // [SECTION] Typing
  Candidate& emit(std::size_t a, std::size_t b, EntityType type, int strength, std::string_view rule,
                  std::string_view canonical = {}, std::string_view link = {}) {
    // The views never point into out_. The new candidate's strings are empty: append() fills them without
    // the aliasing checks of assign() (_M_replace).
    Candidate& c = out_.emplace_back();
    if (!link.empty()) c.link.append(link.data(), link.size());
    c.span = {toks_[a].start, toks_[b - 1].end};
    c.type = type;
    c.strength = strength;
    c.priority = strength;
    c.rule = rule;
    if (!canonical.empty()) c.canonical.append(canonical.data(), canonical.size());
    last_a_ = a;
    last_b_ = b;
    extend_last();
    if (type == EntityType::kPerson && b - a >= 2 && is_cap(b - 1)) surnames_.try_emplace(word(b - 1), slice(a, b));
    return out_.back();
  }

  // The full name of a person already named whose last word is `w`, or empty.
  std::string_view full_name_of(std::string_view w) const {
    const std::string_view* full = surnames_.find(w);
    return full ? *full : std::string_view();
  }

  void emit_entry(std::size_t a, std::size_t b, const LexEntry& e) {
    if (b == a + 1 && e.entity_type() != EntityType::kPerson && e.entity_type() != EntityType::kNorp) {
      const std::string_view full = full_name_of(word(a));
      if (!full.empty()) return void(emit(a, b, EntityType::kPerson, 2, "document:surname", full));  // "Clinton"
    }
    const bool dateline = (a == 0 || toks_[a].is(kTokNewlineBefore)) && b < toks_.size() &&
                          ((toks_[b].is(kTokNumber) && toks_[b].end - toks_[b].start >= 4) ||
                           (equals(word(b), ",") && toks_[a].is(kTokAllCaps)));
    // "losing to Tulsa 63-7": a place right before a score is a team.
    const bool score_after = b + 2 < toks_.size() && toks_[b].is(kTokNumber) && toks_[b + 2].is(kTokNumber) &&
                             toks_[b + 1].start == toks_[b].end && toks_[b + 2].start == toks_[b + 1].end &&
                             text_[toks_[b].end] == '-' && toks_[b].end - toks_[b].start <= 3;
    if (score_after && e.entity_type() == EntityType::kGpe && e.origin->name != "iso3166-1") {
      return void(emit(a, b, EntityType::kOrg, 2, "context:score", e.key));
    }
    if (sports_ && (e.entity_type() == EntityType::kGpe || e.entity_type() == EntityType::kLoc) &&
        e.origin->name != "iso3166-1" && e.origin->name != "entity_names.tsv" && !dateline &&
        !(a > 0 && (is_place_preposition(a - 1) || equals(word(a - 1), "(")))) {
      // In a sports story a town names its club ("Barnsley 2 Chelsea 1"); after "in"/"at" it is the venue.
      emit(a, b, EntityType::kOrg, 2, "context:sports-club", e.key);
      return;
    }
    // The entry's own spelling as canonical, so "ZURICH" (looked up in title case) groups with "Zurich".
    emit(a, b, e.entity_type(), 3, e.origin->rule, e.canonical.empty() ? e.key : e.canonical, e.link);
  }

  void type_run(std::size_t a, std::size_t b) {
    bool person_ctx = a > 0 && toks_[a - 1].is(kTokWord) && (flags(a - 1) & (kLexTitle | kLexHonorific)) &&
                      adjacent(a);
    // 1. The whole run is a known name.
    {
      const std::string_view s = slice(a, b);
      if (const LexEntry* e = b == a + 1 ? entry(a) : lex_.find(s); e && e->has_type()) return emit_entry(a, b, *e);
      if (toks_[a].is(kTokAllCaps) && (b - a > 1 || s.size() > 3 || (in_caps_line(a) && s.size() == 3))) {
        if (const LexEntry* e = lex_.find(title_cased(s)); e && e->has_type()) return emit_entry(a, b, *e);
      }
      if (const Known* k = known_.find(s); k && k->strength >= 2) {
        emit(a, b, k->type, 2, "document", k->canonical);
        return;
      }
    }
    // An organisation word inside or at the end of the run, even after a title-like first word:
    // "Major League Baseball", "General Motors Corp", "CBS Cable Network".
    if (b - a >= 2 && !person_ctx && (flags(a) & (kLexTitle | kLexHonorific)) && !(flags(a) & kLexHonorific)) {
      for (std::size_t p = a + 1; p < b; ++p) {
        if (flags(p) & kLexOrgSuf) return void(emit(a, b, EntityType::kOrg, 2, "cue:org-word-inside"));
      }
    }
    if (b - a >= 3 && !common_word(a)) {
      for (std::size_t p = a + 1; p + 1 < b; ++p) {
        if ((flags(p) & kLexOrgSuf) && !(flags(a) & (kLexTitle | kLexHonorific))) {
          return void(emit(a, b, EntityType::kOrg, 2, "cue:org-word-inside"));
        }
      }
    }
    // 2. Leading titles ("President", "Prime Minister") are context, not part of the name.
    while (a + 1 < b && (flags(a) & (kLexTitle | kLexHonorific))) {
      person_ctx = true;
      ++a;
    }
    if (a + 1 == b && (flags(a) & (kLexTitle | kLexHonorific)) && !toks_[a].is(kTokAllCaps)) return;
    // 3. Cue words decide the whole run: "... Bank", "University of ...", "... War Two".
    if (b - a >= 2) {
      std::size_t last = b - 1;
      while (last > a && (flags(last) & kLexNumWord)) --last;
      const std::uint32_t lf = flags(last);
      std::uint32_t ff = flags(a);
      bool has_of = false;
      for (std::size_t p = a + 1; p + 1 < b; ++p) {
        if (equals(word(p), "of") || equals(word(p), "for")) {
          has_of = true;
          ff |= flags(p - 1);  // "Legislative Assembly of Ontario": the word before "of" decides
        }
      }
      if (!person_ctx || (lf & (kLexOrgSuf | kLexEventSuf))) {
        if (lf & kLexEventSuf) return void(emit(a, b, EntityType::kEvent, 2, "cue:event-word"));
        if (lf & kLexOrgSuf) return void(emit(a, b, EntityType::kOrg, 2, "cue:org-word"));
        if (ff & kLexOrgFirst) return void(emit(a, b, EntityType::kOrg, 2, "cue:club-prefix"));  // "FC Basel"

        if (has_of && (ff & kLexOrgPre)) return void(emit(a, b, EntityType::kOrg, 2, "cue:org-of"));
        if (has_of && (ff & kLexEventPre)) return void(emit(a, b, EntityType::kEvent, 2, "cue:event-of"));
        if (lf & kLexLocSuf) return void(emit(a, b, EntityType::kLoc, 2, "cue:place-word"));
        if (has_of && (ff & kLexLocPre)) return void(emit(a, b, EntityType::kLoc, 2, "cue:place-of"));
        if (ff & kLexLocPre) return void(emit(a, b, EntityType::kLoc, 2, "cue:place-word"));
        if (has_of && (ff & kLexGpeSuf)) return void(emit(a, b, EntityType::kGpe, 2, "cue:gpe-of"));
        if (lf & kLexFacSuf) return void(emit(a, b, EntityType::kFac, 2, "cue:facility-word"));
        if (lf & kLexGpeSuf) return void(emit(a, b, EntityType::kGpe, 2, "cue:gpe-word"));
      }
    }
    // 4. Segments: known names from the left, unknown stretches typed from context.
    for (std::size_t p = a; p < b;) {
      if ((flags(p) & (kLexTitle | kLexHonorific)) && p + 1 < b) {
        person_ctx = true;
        ++p;
        continue;
      }
      if (person_ctx) {
        // After a title the name is a person's, even where a word is also a place ("Lt. Paul Joalland").
        std::size_t q = p + 1;
        while (q < b && !(flags(q) & (kLexTitle | kLexHonorific))) ++q;
        const LexEntry* e;
        const Known* k;
        const std::size_t len = name_match(p, q, &e, &k);
        const bool other_kind = len == q - p && e && (e->entity_type() == EntityType::kOrg ||
                                                       e->entity_type() == EntityType::kNorp);
        if (!other_kind) {  // "Mrs Clinton", "Mr Washington": a place's name after a title is a surname
          type_unknown(p, q, true);
          p = q;
          continue;
        }
      }
      const LexEntry* e;
      const Known* k;
      const bool first_name = (flags(p) & kLexFirst) && p + 1 < b;
      std::size_t len = first_name && !person_ctx ? 0 : name_match(p, b, &e, &k);
      if (first_name && !person_ctx) {
        // "John Washington": a first name takes the following capitalised words as one person,
        // unless the whole thing is a known name ("Ivory Coast").
        len = name_match(p, b, &e, &k);
        if (len && (len == b - p || (e && e->entity_type() == EntityType::kPerson))) {
          // known name covers it
        } else {
          len = 0;
        }
      }
      if (len && e && p + len < b && !(flags(p + len) & (kLexTitle | kLexHonorific))) {
        // A place or nationality followed by unknown capitalised words names something else:
        // "North Shields", "Perth Glory", "St. Louis Eagles", "Java Jazz".
        const EntityType t = e->entity_type();
        const LexEntry* e2;
        const Known* k2;
        const bool compass = len == 1 && (flags(p) & kLexCompass);
        std::size_t q = p + len;
        while (q < b && !(flags(q) & (kLexTitle | kLexHonorific))) ++q;
        // Not before a title: "Spanish Farm Minister", "US Trade Representative" are titles.
        // Only before a common word ("Perth Glory", "Boston Globe"): "Sabah Al-Khalid" is a person.
        if (q == b && (t == EntityType::kGpe || t == EntityType::kNorp || compass) &&
            (compass || (!name_match(p + len, b, &e2, &k2) && common_word(p + len)))) {
          const LexEntry* next = entry(p + len);
          if (compass && next && next->has_type() && next->entity_type() == EntityType::kNorp && q == p + 2) {
            emit(p, q, EntityType::kNorp, 2, "context:compass-demonym");  // "West Indian"
          } else if (compass) {
            emit(p, q, EntityType::kLoc, 2, "context:compass-name");
          } else {
            emit(p, q, EntityType::kOrg, 2, "context:place-name");
          }
          p = q;
          continue;
        }
      }
      if (len) {
        if (e) {
          emit_entry(p, p + len, *e);
        } else {
          emit(p, p + len, k->type, 2, "document", k->canonical);
        }
        p += len;
        continue;
      }
      std::size_t q = p + 1;
      while (q < b) {
        if (flags(q) & (kLexTitle | kLexHonorific)) break;
        if (!first_name) {
          const LexEntry* e2;
          const Known* k2;
          const std::size_t l2 = name_match(q, b, &e2, &k2);
          const bool compass = l2 == 1 && (flags(q) & kLexCompass);
          if (l2 && !compass && !(e2 && e2->entity_type() == EntityType::kPerson)) break;
          // "State John Kerry": a first name after a common word starts the person.
          bool common_before = false;
          for (std::size_t w = p; w < q; ++w) common_before = common_before || common_word(w);
          if ((flags(q) & kLexFirst) && q + 1 < b && !common_word(q) && common_before) break;
        }
        ++q;
      }
      type_unknown(p, q, person_ctx);
      p = q;
    }
  }

  void type_unknown(std::size_t a, std::size_t b, bool person_ctx) {
    while (b > a && !is_cap(b - 1)) --b;  // never end on a connector ("City of")
    if (b == a) return;
    const std::size_t len = b - a;
    const std::string_view first = word(a);
    const std::string_view prev = a > 0 && toks_[a - 1].is(kTokWord) ? word(a - 1) : std::string_view();
    const std::string_view next = b < toks_.size() ? word(b) : std::string_view();
    const bool after_the = equals(prev, "the") || equals(prev, "The");
    const bool acronym = len == 1 && toks_[a].is(kTokAllCaps) && toks_[a].end - toks_[a].start <= 8;
    const bool score_next = b < toks_.size() && toks_[b].is(kTokNumber) && toks_[b].end - toks_[b].start <= 2;
    const bool score_prev = a > 0 && toks_[a - 1].is(kTokNumber) && toks_[a - 1].end - toks_[a - 1].start <= 2;
    if (sports_ && len <= 3 && (score_next || score_prev) && (!(flags(a) & kLexFirst) || (score_next && score_prev))) {
      return void(emit(a, b, EntityType::kOrg, 2, "context:results-table"));  // "Liverpool 3 Arsenal 0"
    }
    if (len == 1) {
      const std::string_view full = full_name_of(word(a));
      if (!full.empty()) return void(emit(a, b, EntityType::kPerson, 2, "document:surname", full));  // "Trump"
    }
    if (len == 1 && !acronym && !person_ctx && common_word(a) && after_the &&
        first.size() > 3 && first.back() == 's' && !toks_[a].is(kTokSentenceStart)) {
      return void(emit(a, b, EntityType::kOrg, 1, "context:the-team"));  // "the Falcons", "the Bruins"
    }
    if (len == 1 && !acronym && !person_ctx && common_word(a) && after_the &&
        (flags(a) & kLexOrgSuf) && !toks_[a].is(kTokSentenceStart)) {
      return void(emit(a, b, EntityType::kOrg, 1, "context:the-institution"));  // "the Commission"
    }
    if (len == 1 && !acronym && !person_ctx && common_word(a)) return;  // "Missile" mid-sentence
    if (len == 1 && toks_[a].is(kTokInitial)) return;
    if (len == 1 && !acronym && first.find('.') != std::string_view::npos) return;  // "M.A.", "Ph.D."
    if (person_ctx) return void(emit(a, b, EntityType::kPerson, 2, "context:title"));
    // A dateline: "AL-AIN, United Arab Emirates 1996-12-06", "KABUL 1996-08-30".
    if (toks_[a].is(kTokAllCaps) && (a == 0 || toks_[a].is(kTokNewlineBefore)) && b < toks_.size() &&
        (equals(next, ",") || (toks_[b].is(kTokNumber) && toks_[b].end - toks_[b].start >= 4))) {
      return void(emit(a, b, EntityType::kGpe, 2, "context:dateline"));
    }
    if (acronym && first.size() >= 3 && lex_.is_word_lower(first)) return;  // "SOCCER", "RESULTS"
    if (acronym) {
      for (std::size_t k = a, steps = 0; k > 0 && steps < 6; --k, ++steps) {
        if (toks_[k - 1].is(kTokWord) && (flags(k - 1) & kLexProduct)) {
          return void(emit(a, b, EntityType::kProduct, 2, "context:product-acronym"));
        }
      }
      return void(emit(a, b, EntityType::kOrg, 2, "acronym"));
    }
    if (len >= 2 && (flags(a) & kLexFirst)) return void(emit(a, b, EntityType::kPerson, 2, "first-name"));
    if (len >= 2 && (flags(b - 1) & kLexSurname)) return void(emit(a, b, EntityType::kPerson, 2, "surname"));
    if (!next.empty() && (flags(b) & kLexSpeech) && toks_[b].is(kTokLower) && len <= 3) {
      return void(emit(a, b, EntityType::kPerson, 2, "context:speech-verb"));
    }
    if (kind_ != FieldKind::kBody && b == last_word_index() && a > 0 && is_dash_or_colon(a - 1)) {
      return void(emit(a, b, EntityType::kPerson, 2, "context:headline-speaker"));
    }
    if (len <= 3 && !next.empty() && toks_[b].is(kTokLower) && adjacent(b) &&
        ((flags(b) & kLexOrgCue) || (len == 1 && (flags(b) & kLexTitle) && !(flags(a) & kLexFirst)))) {
      return void(emit(a, b, EntityType::kOrg, 2, "context:org-noun"));  // "Likud party", "Bundesbank chief"
    }
    if (len == 1 && first.find('-') != std::string_view::npos) {
      // "Israeli-Palestinian", "Sino-Japanese": every part a nationality or a country.
      bool all_known = true;
      std::string_view rest = first;
      while (all_known && !rest.empty()) {
        const std::size_t h = rest.find('-');
        const std::string_view part = rest.substr(0, h);
        const LexEntry* pe = lex_.find(part);
        all_known = pe && pe->has_type() && (pe->entity_type() == EntityType::kNorp || pe->entity_type() == EntityType::kGpe);
        rest = h == std::string_view::npos ? std::string_view() : rest.substr(h + 1);
      }
      if (all_known) return void(emit(a, b, EntityType::kNorp, 2, "shape:compound-demonym"));
    }
    if (len == 1 && !(flags(a) & kLexFirst)) {
      // Affixes are string literals: their lengths are compile-time constants and the compares inline.
      const auto ends = [&](const auto& suffix) {
        const std::size_t m = sizeof(suffix) - 1;
        return first.size() > m + 2 && std::memcmp(first.data() + first.size() - m, suffix, m) == 0;
      };
      const auto starts = [&](const auto& prefix) {
        const std::size_t m = sizeof(prefix) - 1;
        return first.size() >= m && std::memcmp(first.data(), prefix, m) == 0;
      };
      if (ends("bank") || ends("air") || ends("tel") || ends("com") || ends("soft") || ends("tech") || ends("net") ||
          ends("corp") || ends("media")) {
        return void(emit(a, b, EntityType::kOrg, 2, "shape:org-ending"));  // "Commerzbank"
      }
      // Word shape: "-ism", "-ist", "-ian", "-ese", "-ish" name groups, religions, languages (NORP).
      const bool slavic = ends("vic") || ends("cic");  // Djokovic, Ivanisevic: surnames
      if (ends("ism") || ends("ist") || ends("ists") || ends("ian") || ends("ians") || ends("ese") || ends("ish") ||
          ends("ite") || ends("ites") || (ends("ic") && !slavic)) {
        return void(emit(a, b, EntityType::kNorp, 1, "shape:group-suffix"));
      }
      // An inner capital ("SaskTel", "PayPal") is a brand, unless a name prefix ("McDonald", "LaBeouf").
      bool inner_cap = false;
      for (std::size_t k = 1; k < first.size(); ++k) inner_cap = inner_cap || (first[k] >= 'A' && first[k] <= 'Z');
      const auto name_prefix = [&] {
        return starts("Mc") || starts("Mac") || starts("La") || starts("Le") || starts("De") || starts("Di") ||
               starts("Da") || starts("O'") || starts("Van");
      };
      if (inner_cap && !name_prefix() && first.find('-') == std::string_view::npos) {
        return void(emit(a, b, EntityType::kOrg, 1, "shape:inner-capital"));
      }
    }
    if (equals(prev, "at") && len == 1) {
      return void(emit(a, b, EntityType::kLoc, 1, sports_ ? "context:venue" : "context:at-place"));
    }
    if (equals(prev, "in") || equals(prev, "near") || equals(prev, "outside")) {
      return void(emit(a, b, EntityType::kGpe, 1, "context:in-place"));
    }
    if (after_the) return void(emit(a, b, EntityType::kOrg, 1, "context:the-name"));
    if (len >= 4) return void(emit(a, b, EntityType::kOrg, 1, "default:long-name"));
    bool all_common = true, amp = false;
    for (std::size_t k = a; k < b; ++k) {
      if (is_cap(k)) all_common = all_common && common_word(k);
      amp = amp || equals(word(k), "&");
    }
    if (amp || (len >= 2 && all_common)) {
      return void(emit(a, b, EntityType::kOrg, 1, "default:phrase"));  // "Weather Report", "AT&T"
    }
    if (len >= 2) return void(emit(a, b, EntityType::kPerson, 1, "default:name"));
    emit(a, b, EntityType::kPerson, 1, "default:single");
  }

  std::size_t last_word_index() const {
    for (std::size_t i = toks_.size(); i > 0; --i) {
      if (toks_[i - 1].is(kTokWord)) return i;
    }
    return 0;
  }
  bool is_dash_or_colon(std::size_t i) const {
    const std::string_view w = word(i);
    return equals(w, "-") || equals(w, "\xE2\x80\x93") || equals(w, "\xE2\x80\x94") || equals(w, ":");
  }

  // [SECTION] Extensions
  void extend_last() {
    Candidate& c = out_.back();
    const std::size_t a = last_a_, b = last_b_;
    const std::size_t n = toks_.size();
    // "Russia's foreign ministry", "Russia's Foreign Ministry"
    if ((c.type == EntityType::kGpe || c.type == EntityType::kNorp) && b + 1 < n && toks_[b].is(kTokPossessive)) {
      std::size_t k = b + 1;
      if (k < n && (flags(k) & kLexMinAdj)) ++k;
      if (k < n && k > b + 1 && (flags(k) & kLexMinHead) && toks_[k].is(kTokWord)) {
        c.span.end = toks_[k].end;
        c.type = EntityType::kOrg;
        c.rule = "pattern:possessive-ministry";
        c.canonical.clear();
        c.link.assign(slice(a, b));
        last_b_ = k + 1;
        return;
      }
    }
    // "the Russian foreign ministry"
    if (c.type == EntityType::kNorp && b + 1 < n && (flags(b) & kLexMinAdj) && toks_[b].is(kTokLower) &&
        equals(word(b + 1), "ministry")) {
      c.span.end = toks_[b + 1].end;
      c.type = EntityType::kOrg;
      c.rule = "pattern:ministry";
      c.canonical.clear();
      last_b_ = b + 2;
      return;
    }
    // "Korean peninsula" -> the lexicon's "Korean Peninsula"
    if (is_name_type(c.type) && c.type != EntityType::kPerson && b < n && toks_[b].is(kTokLower) &&
        toks_[b].is(kTokWord) && adjacent(b) && !toks_[b].is(kTokPossessive)) {
      scratch_.assign(slice(a, b));
      scratch_ += ' ';
      const std::string_view w = word(b);
      scratch_ += static_cast<char>(w[0] - 'a' + 'A');
      scratch_.append(w.substr(1));
      if (const LexEntry* e = lex_.find(scratch_); e && e->has_type() &&
                                                   (e->entity_type() == EntityType::kLoc ||
                                                    e->entity_type() == EntityType::kFac ||
                                                    e->entity_type() == EntityType::kGpe)) {
        c.span.end = toks_[b].end;
        c.type = e->entity_type();
        c.canonical.assign(e->canonical.empty() ? e->key : e->canonical);
        c.rule = e->origin->lower_case_head_rule;
        last_b_ = b + 1;
      }
    }
    // "northeast Asia"
    if (c.type == EntityType::kLoc && a > 0 && toks_[a - 1].is(kTokLower) && (flags(a - 1) & kLexCompass) &&
        adjacent(a)) {
      const std::string_view base = c.canonical.empty() ? slice(a, b) : std::string_view(c.canonical);
      std::string canon(word(a - 1));
      canon[0] = static_cast<char>(canon[0] - 'a' + 'A');
      canon += ' ';
      canon += base;
      c.canonical = std::move(canon);
      c.span.start = toks_[a - 1].start;
      c.rule = "pattern:compass-region";
      c.link.clear();
    }
  }

  const Lexicon& lex_;
  std::string_view text_;
  FieldKind kind_;
  const DateAnchor& anchor_;
  const KnownMap& known_;
  std::vector<Token>& toks_;
  std::vector<std::uint8_t>& used_;
  std::vector<TokenInfo>& info_;
  std::string& scratch_;
  bool& sports_;
  std::vector<std::size_t> caps_pending_;
  std::size_t first_out_ = 0, middle_out_ = 0;  // where this field's candidates and the chunk pass's start
  StringViewMap<std::string_view>& surnames_;
  std::string_view body_;
  std::vector<Candidate>& out_;
  std::size_t last_a_ = 0, last_b_ = 0;
  bool title_case_ = false;
  bool all_caps_ = false;
};

// [SECTION] Document

bool initials_match(std::string_view expansion, std::string_view acronym) {
  std::string initials;
  std::size_t i = 0;
  while (i < expansion.size()) {
    while (i < expansion.size() && (expansion[i] == ' ' || expansion[i] == '-')) ++i;
    const std::size_t s = i;
    while (i < expansion.size() && expansion[i] != ' ' && expansion[i] != '-') ++i;
    const std::string_view w = expansion.substr(s, i - s);
    if (w.empty()) continue;
    if (equals(w, "of") || equals(w, "and") || equals(w, "the") || equals(w, "for") || equals(w, "&") ||
        equals(w, "de")) {
      continue;
    }
    if (w[0] >= 'A' && w[0] <= 'Z') initials += w[0];
  }
  std::string letters;
  for (char c : acronym) {
    if (c >= 'A' && c <= 'Z') letters += c;
  }
  return letters.size() >= 2 && initials == letters;
}

}  // namespace
}  // namespace ner

void recognise_entities(Document& doc) {
  using namespace ner;
  const Lexicon& lex = Lexicon::get();
  const DateAnchor anchor = parse_anchor(doc.published);
  thread_local Scratch scratch;  // buffers keep their capacity from one document to the next
  scratch.sports = false;
  scratch.surnames.clear();
  scratch.body = {};
  KnownMap& known = scratch.known;  // name -> what a strong decision made of it (views the field texts)
  known.clear();

  // The body first, so headlines and related titles are read with what the body taught.
  std::vector<int>& order = scratch.order;
  order.clear();
  if (doc.fields.size() > static_cast<std::size_t>(kBodyField)) order.push_back(kBodyField);
  for (int f = 0; f < static_cast<int>(doc.fields.size()); ++f) {
    if (f != kBodyField) order.push_back(f);
  }
  std::vector<FieldCandidates>& all = scratch.fields;
  all.resize(order.size());
  for (std::size_t n = 0; n < order.size(); ++n) {
    FieldCandidates& fc = all[n];
    fc.field = order[n];
    fc.cands.clear();
    const TextField& field = doc.fields[static_cast<std::size_t>(fc.field)];
    // Room for a typical field's candidates; a long one grows the vector (kept for the next document).
    fc.cands.reserve(std::min<std::size_t>(field.text.size() / 32 + 8, 4096));
    FieldRecogniser(lex, field.text, field.kind, anchor, known, scratch, fc.cands).run();
    if (fc.field == kBodyField) scratch.body = field.text;
    for (Candidate& c : fc.cands) {
      if (c.strength >= 2 && is_name_type(c.type)) {
        const std::string_view s = std::string_view(field.text).substr(c.span.start, c.span.size());
        if (const auto [k, added] = known.try_emplace(s); added) {
          k->type = c.type;
          k->canonical.assign(c.canonical.empty() ? std::string_view(s) : std::string_view(c.canonical));
          k->strength = c.strength;
        }
      }
    }
  }

  // Surnames named before their full name ("Fischler ... Franz Fischler"), from the recogniser's list of
  // (last word, full name); and an acronym's expansion "(THAAD)".
  const auto full_name_of = [&](std::string_view w) -> std::string_view {
    const std::string_view* full = scratch.surnames.find(w);
    return full ? *full : std::string_view();
  };
  std::map<std::string, std::pair<EntityType, std::string>, std::less<>> acronyms;  // acronym -> expansion
  for (FieldCandidates& fc : all) {
    const std::string& text = doc.fields[static_cast<std::size_t>(fc.field)].text;
    for (std::size_t k = 1; k < fc.cands.size(); ++k) {
      Candidate& acr = fc.cands[k];
      Candidate& exp = fc.cands[k - 1];
      const std::string_view a = std::string_view(text).substr(acr.span.start, acr.span.size());
      const std::string_view e = std::string_view(text).substr(exp.span.start, exp.span.size());
      const bool paren = exp.span.end + 2 == acr.span.start && text[exp.span.end] == ' ' &&
                         text[exp.span.end + 1] == '(' && acr.span.end < text.size() && text[acr.span.end] == ')';
      if (!paren || !is_name_type(exp.type) || !initials_match(e, a)) continue;
      const std::string canon = exp.canonical.empty() ? std::string(e) : exp.canonical;
      // People have no acronyms: a guessed PERSON with one is an organisation (or a named thing).
      if (exp.type == EntityType::kPerson && exp.strength <= 1) exp.type = EntityType::kOrg;
      acr.type = exp.type;
      acr.canonical = canon;
      acr.link = canon;
      acr.rule = "acronym:expansion";
      acr.strength = 3;
      exp.link = std::string(a);
      acronyms[std::string(a)] = {exp.type, canon};
    }
  }
  for (FieldCandidates& fc : all) {
    const std::string& text = doc.fields[static_cast<std::size_t>(fc.field)].text;
    for (Candidate& c : fc.cands) {
      if (!is_name_type(c.type) || (c.strength >= 3 && acronyms.empty())) continue;
      const std::string_view s = std::string_view(text).substr(c.span.start, c.span.size());
      if (auto it = acronyms.find(s); it != acronyms.end() && c.rule != "acronym:expansion") {
        c.type = it->second.first;
        c.canonical = it->second.second;
        c.link = it->second.second;
        c.rule = "acronym:expansion";
        continue;
      }
      if (c.strength >= 3) continue;
      if (s.find(' ') == std::string_view::npos && c.strength <= 2) {
        const std::string_view full = full_name_of(s);
        if (!full.empty() && full != s) {
          c.type = EntityType::kPerson;
          c.canonical.assign(full);
          c.rule = "document:surname";
          continue;
        }
      }
      if (c.strength <= 1) {
        if (const Known* k = known.find(s); k && k->strength >= 2) {
          c.type = k->type;
          c.canonical = k->canonical;
          c.rule = "document";
        }
      }
    }
  }

  // Weak consistency: a name guessed by a context rule somewhere ("the Nikkei average") keeps that type
  // where elsewhere it fell to a default ("The 225-share Nikkei average").
  {
    StringViewMap<EntityType>& hinted = scratch.hinted;
    hinted.clear();
    for (const FieldCandidates& fc : all) {
      const std::string& text = doc.fields[static_cast<std::size_t>(fc.field)].text;
      for (const Candidate& c : fc.cands) {
        if (c.strength == 1 && is_name_type(c.type) && c.rule.rfind("default:", 0) != 0) {
          hinted.try_emplace(std::string_view(text).substr(c.span.start, c.span.size()), c.type);
        }
      }
    }
    if (!hinted.empty()) {
      for (FieldCandidates& fc : all) {
        const std::string& text = doc.fields[static_cast<std::size_t>(fc.field)].text;
        for (Candidate& c : fc.cands) {
          if (c.strength != 1 || c.rule.rfind("default:", 0) != 0) continue;
          if (const EntityType* hint = hinted.find(std::string_view(text).substr(c.span.start, c.span.size()))) {
            c.type = *hint;
            c.rule = "document:context";
          }
        }
      }
    }
  }

  // Coordination: a guessed name joined by "and", "or" or a comma to a place typed with evidence is a
  // place too ("Hunan and Hubei", "Seychelles and Tioman").
  for (FieldCandidates& fc : all) {
    const std::string& text = doc.fields[static_cast<std::size_t>(fc.field)].text;
    const auto joined = [&](const Candidate& x, const Candidate& y) {  // x ends before y starts
      if (x.span.end > y.span.start || y.span.start - x.span.end > 5) return false;
      const std::string_view gap = std::string_view(text).substr(x.span.end, y.span.start - x.span.end);
      return equals(gap, " and ") || equals(gap, " or ") || equals(gap, ", ") || equals(gap, " & ");
    };
    for (std::size_t k = 0; k < fc.cands.size(); ++k) {
      Candidate& c = fc.cands[k];
      if (c.strength > 1 || !is_name_type(c.type)) continue;
      const Candidate* other = nullptr;
      if (k > 0 && joined(fc.cands[k - 1], c) && fc.cands[k - 1].strength >= 2) other = &fc.cands[k - 1];
      if (!other && k + 1 < fc.cands.size() && joined(c, fc.cands[k + 1]) && fc.cands[k + 1].strength >= 2) {
        other = &fc.cands[k + 1];
      }
      // Places only: an organisation's or a person's neighbours are as often something else.
      if (other && (other->type == EntityType::kGpe || other->type == EntityType::kLoc) && other->type != c.type) {
        c.type = other->type;
        c.rule = "context:coordination";
      }
    }
  }

  // The agency line names one organisation ("Source: The Harbour Ledger"): unless a single entity
  // already covers the whole name (AFP, from the lexicon), the whole name is one ORG. A generic word
  // ("Source: Agencies") names nobody.
  for (FieldCandidates& fc : all) {
    if (fc.field != doc.source_field) continue;
    const std::string& text = doc.fields[static_cast<std::size_t>(fc.field)].text;
    const Span whole{0, static_cast<std::uint32_t>(text.size())};
    const bool covered = fc.cands.size() == 1 && fc.cands[0].span == whole && is_name_type(fc.cands[0].type);
    const bool generic = text.find(' ') == std::string::npos && lex.is_word_lower(text);
    if (covered || generic || whole.empty()) continue;
    Candidate c;
    c.span = whole;
    c.type = EntityType::kOrg;
    c.strength = c.priority = 3;
    c.rule = "context:source-line";
    fc.cands.assign(1, std::move(c));
  }

  // Overlaps, then output sorted by (field, start, end) with dense groups by canonical name. Field order:
  // `all` is in reading order (the body, then the others in field order), so the body moves back to its
  // place (what sorting by field gave, without a std::sort instantiation: 1.5 KB gzip of WASM).
  if (!order.empty() && order[0] == kBodyField) {
    std::rotate(all.begin(), all.begin() + 1, all.begin() + kBodyField + 1);
  }
  doc.entities.clear();
  std::size_t total = 0;
  for (FieldCandidates& fc : all) {
    resolve_overlaps(fc.cands);
    total += fc.cands.size();
  }
  doc.entities.reserve(total);  // no reallocation below: `groups` keys view the entities' canonical names
  StringViewMap<int>& groups = scratch.groups;
  groups.clear();
  for (FieldCandidates& fc : all) {
    const std::string& text = doc.fields[static_cast<std::size_t>(fc.field)].text;
    for (Candidate& c : fc.cands) {
      Entity& e = doc.entities.emplace_back();
      e.field = fc.field;
      e.span = c.span;
      e.type = c.type;
      if (!c.value.empty()) e.value = std::move(c.value);  // (most are empty: no move needed)
      const std::string_view s = std::string_view(text).substr(c.span.start, c.span.size());
      if (!c.canonical.empty()) {
        e.canonical = std::move(c.canonical);
      } else if (!e.value.empty()) {
        e.canonical = e.value;
      } else {
        e.canonical.append(s);  // the new entity's strings are empty: append, not assign's _M_replace
      }
      if (!c.link.empty()) e.link = std::move(c.link);
      e.rule = c.rule;
      e.group = *groups.try_emplace(e.canonical, static_cast<int>(groups.size())).first;
    }
  }
  // The spent candidates are destroyed now, while in cache, rather than when the next document starts.
  for (FieldCandidates& fc : all) fc.cands.clear();
}

}  // namespace gloss
