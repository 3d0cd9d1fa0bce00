// The quotation finder: direct quotes (every mark style, split, multi-paragraph, floating), scare quotes,
// reported speech and mixed quotations, each with its speaker and cue when they can be found.
//
// Index
//   [SECTION] Limits
//   [SECTION] Word classes
//   [SECTION] Field scanner: tokens, mark pairing
//   [SECTION] Speakers: noun phrases before and after a cue
//   [SECTION] Direct quotes: attribution after, before, in headlines
//   [SECTION] Reported speech
//   [SECTION] Scare quotes, split and floating quotes
//   [SECTION] Speaker resolution
//   [SECTION] find_quotes
//
// Everything is token based and bounded: each token is looked at a constant number of times (windows
// of at most kMaxAttributionTokens / kMaxSentenceTokens tokens), so the pass is linear in the input.
#include "quotes.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "quotes_lexicon.h"
#include "quotes_tokens.h"

namespace gloss {
namespace {

// [SECTION] Limits

// Marks nested deeper than this are ignored (real text nests two levels: "... 'like this' ...").
// Bounds the pairing stack, so megabytes of opening marks stay linear.
constexpr std::size_t kMaxQuoteNesting = 4;
// A quotation longer than this (over all its paragraphs) is not taken as one: an unbalanced mark
// would otherwise swallow the rest of the article. Long speech excerpts in news are a few KB.
constexpr std::uint32_t kMaxQuoteBytes = 16 * 1024;
// A single closing mark right after an "s" (masters') only closes a quotation shorter than this; beyond
// it the mark is taken for a plural possessive.
constexpr std::uint32_t kMaxPossessiveQuoteBytes = 300;
// A speaker is a noun phrase of at most this many words (an apposition after it does not count).
constexpr int kMaxSpeakerWords = 8;
constexpr int kMaxAppositionWords = 12;
// How many tokens after a closing mark (or before an opening one) a speaker and cue may span.
constexpr int kMaxAttributionTokens = 24;
// Reported speech is looked for in sentences of at most this many tokens (longer ones are lists,
// tables or run-on text); each cue's subject search is bounded by kMaxAttributionTokens too.
constexpr std::size_t kMaxSentenceTokens = 160;
// An unattributed quote of at most this many words, after a word of its sentence, is a scare quote.
constexpr int kMaxScareWords = 4;

// [SECTION] Word classes

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> list) {  // views: no strlen
  for (std::string_view s : list) {
    if (equals_ignore_case(w, s)) return true;
  }
  return false;
}

// Word classes by lookup (the lists are in quotes_lexicon.cpp).
bool word_has(std::string_view w, std::uint32_t cls) { return (WordClasses::instance().lookup(w) & cls) != 0; }
bool is_subject_pronoun(std::string_view w) { return word_has(w, kWcSubjectPronoun); }
bool is_plural_pronoun(std::string_view w) { return word_has(w, kWcPluralPronoun); }
bool is_definite(std::string_view w) { return word_has(w, kWcDefinite); }
bool is_people_noun(std::string_view w) { return word_has(w, kWcPeopleNoun); }

// [SECTION] Field scanner: tokens, mark pairing

// A quotation being built. Token indexes refer to the paragraph being scanned.
struct Draft {
  Quote q;
  int id = 0;               // index in FieldScanner::drafts_ (creation order)
  MarkFamily family = MarkFamily::kDouble;
  int paragraph = 0;        // where it ends
  bool direct = true;       // found by its marks (direct or scare), not as a reported-speech clause
  bool attributed = false;  // has a speaker, its own or inherited
  int inherit_from = -1;    // id of the draft whose speaker it takes (floating quotes)
  int output = -1;          // its index in Document::quotes, once moved there
  bool absorbed = false;    // merged into another quotation: not output
  bool whole_paragraph = false;
  bool embedded = false;       // a word comes right before the opening mark
  bool ends_sentence = false;  // the quoted text ends with . ! ? , : ;
  bool ends_exclaim = false;   // ... with ? or ! (an utterance, not a phrase)
  bool after_attribution = false;  // the speaker comes after the closing mark
  int words = 0;               // words inside the marks
  int open_tok = -1, close_tok = -1, attr_end_tok = -1, cue_tok = -1;
  // Quote::method and Quote::rule: static strings (no allocation per quote).
  const char* method = "";
  const char* rule = "direct.unattributed";
  const char* rule_suffix = "";  // "+split", "+partial-quote"
};

// "direct.after.speaker-cue" + "+split": the names with a suffix are built once and kept for the life of the
// process, as Quote::rule is a view of static storage (a few dozen names at most: rules x suffixes).
std::string_view suffixed_rule(const char* rule, const char* suffix) {
  if (!*suffix) return rule;
  std::string name(rule);
  name += suffix;
  static std::mutex mutex;
  static std::set<std::string, std::less<>> names;
  const std::lock_guard<std::mutex> lock(mutex);
  return *names.insert(std::move(name)).first;
}

struct Attribution {
  bool found = false;
  Span speaker;
  bool has_cue = false;
  Span cue;
  int cue_tok = -1;
  const char* method = "";
  const char* rule = "";
  int end_tok = -1;  // first token after the attribution
};

struct NounPhrase {
  int first = -1, last = -1;  // inclusive token indexes
  bool ok() const { return first >= 0; }
};

// Does `hay` contain `word` as a whole word (case-insensitive)? "the ministry" in "Russia's foreign
// ministry", but not "man" in "Misselthwaite Manor".
bool contains_word(std::string_view hay, std::string_view word) {
  if (word.empty()) return false;
  const auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  for (std::size_t p = 0; p + word.size() <= hay.size(); ++p) {
    if ((p == 0 || !letter(hay[p - 1])) && (p + word.size() == hay.size() || !letter(hay[p + word.size()])) &&
        equals_ignore_case(hay.substr(p, word.size()), word)) {
      return true;
    }
  }
  return false;
}

Span trim_span(std::string_view text, Span s) {
  const auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (s.start < s.end && space(text[s.start])) ++s.start;
  while (s.end > s.start && space(text[s.end - 1])) --s.end;
  return s;
}

bool is_speaker_entity(EntityType t) {
  return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kGpe || t == EntityType::kNorp ||
         t == EntityType::kFac;
}

class FieldScanner {
 public:
  FieldScanner() : lex_(CueLexicon::instance()), classes_(WordClasses::instance()) {}
  // The scanner keeps its buffers between documents (one per thread): set the document first.
  void set_document(Document& doc) { doc_ = &doc; }

  // Scans one field paragraph by paragraph and appends its quotations to doc.quotes. The scanner is
  // reused for every field, so its buffers are allocated once per document.
  void run(int field, const std::vector<Span>& paragraphs, const std::vector<Span>& sentences);

 private:
  struct Open {
    int tok;  // -1: continued from the previous paragraph
    MarkFamily family;
  };
  struct Pair {
    int open_tok, close_tok;  // open_tok -1: continued from the previous paragraph
  };

  // Token access.
  int ntok() const { return static_cast<int>(toks_.size()); }
  std::string_view word(int k) const {  // a plain view: substr's bounds check kept it out of line
    return std::string_view(text_.data() + toks_[k].start, toks_[k].end - toks_[k].start);
  }
  bool is_word(int k) const { return k >= 0 && k < ntok() && toks_[k].kind == TokKind::kWord; }
  // Word classes are looked up on first use: most words are never asked about.
  bool has(int k, std::uint32_t cls) const {
    if (!is_word(k)) return false;
    std::uint32_t& c = cls_[static_cast<std::size_t>(k)];
    if (c == kUnknownClass) c = classes_.lookup(word(k));
    return (c & cls) != 0;
  }
  bool is_word(int k, std::initializer_list<std::string_view> list) const {
    return is_word(k) && is_one_of(word(k), list);
  }
  bool is_punct(int k, char p) const {
    return k >= 0 && k < ntok() && toks_[k].kind == TokKind::kPunct && toks_[k].punct == p;
  }
  bool is_mark(int k) const { return k >= 0 && k < ntok() && toks_[k].kind == TokKind::kMark; }
  bool is_sentence_end(int k) const {
    return (is_punct(k, '.') && !is_abbrev_dot(k)) || is_punct(k, '!') || is_punct(k, '?') || is_punct(k, ';');
  }
  bool is_abbrev_dot(int k) const {  // the dot of "Mr." or "J." inside a name
    return is_punct(k, '.') && is_word(k - 1) && is_word(k + 1) && toks_[k - 1].end == toks_[k].start &&
           (has(k - 1, kWcTitleAbbrev) || (word(k - 1).size() == 1 && toks_[k - 1].cap));
  }
  bool is_possessive(int k) const {
    const std::string_view w = word(k);
    return (w.size() > 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) ||
           (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s");
  }
  Span tok_span(int first, int last) const { return {toks_[first].start, toks_[last].end}; }
  bool headline() const { return field_ != kBodyField; }
  CueMatch cue_at(int k) const;  // cached per token
  CueMatch lookup_cue(int k) const;

  void pair_marks();
  void build_drafts(int paragraph, Span range);
  void merge_split_quotes(std::size_t first_draft);

  bool valid_np(int first, int last) const;
  // `appositions`: how many comma-delimited appositions may stand between the phrase and `end`.
  NounPhrase np_before(int lo, int end, bool must_fill, int appositions = 2, bool allow_intro = true) const;
  NounPhrase np_after(int k, int hi) const;
  int skip_adverbials_back(int lo, int end, bool* modal) const;
  int skip_adverbials_forward(int k, int hi) const;
  bool base_form_ok(const NounPhrase& np, bool modal) const;

  Attribution attribute_after(int close_tok) const;
  Attribution attribute_before(int open_tok) const;
  void apply(Draft& d, const Attribution& a, bool after);

  void reported_speech(int first, int last);
  bool emit_reported(const NounPhrase& speaker, int cue_first, int cue_last, int content_first, int content_last,
                     const char* rule);
  void headline_claims();
  void classify_paragraph(int paragraph, std::size_t first_draft);
  void resolve_and_output();

  Document* doc_ = nullptr;
  int field_ = kBodyField;
  std::string_view text_;
  const CueLexicon& lex_;
  const WordClasses& classes_;
  static constexpr std::uint32_t kUnknownClass = ~0u;
  std::vector<Token> toks_;
  mutable std::vector<std::uint32_t> cls_;  // per token: WordClass bits, or kUnknownClass
  mutable std::vector<CueMatch> cue_cache_;  // per token: the cue starting there (words == -1: not looked up)
  std::vector<Open> stack_;
  std::vector<Pair> pairs_;
  int end_open_tok_ = -2;  // after pair_marks: -2 nothing left open, -1 the continued quote, >= 0 opened here

  // A quotation left open at the end of the previous paragraph.
  bool pending_ = false;
  Draft pending_draft_;
  Attribution pending_before_;
  std::uint32_t pending_segment_start_ = 0;

  std::vector<Draft> drafts_;
  std::vector<int> quote_of_tok_;  // per token: the draft it is inside, -2 an unclosed one, -1 none
  std::vector<char> used_cue_;     // per token: a cue already used by a direct quote
  int last_speaker_draft_ = -1;    // the previous paragraph's last quotation, when attributed
  // The previous paragraph ended "The minister said:": its speaker introduces this paragraph's quote.
  bool has_colon_lead_ = false;
  Attribution colon_lead_;
  std::vector<int> order_;         // scratch: drafts in position order
  std::vector<int> inside_;        // scratch: quotes inside a reported clause
  struct Recent {
    std::string_view speaker;
    int draft;       // whose q.resolved_speaker names it
    bool statement;  // spoke "in a statement" (or a letter, a post ...)
    bool person;     // may be what a later "he"/"she" refers to (not an organisation or a place)
    std::uint32_t start;
  };
  std::vector<Recent> recent_;     // the last few resolved speakers, newest last
};

CueMatch FieldScanner::cue_at(int k) const {
  if (!is_word(k)) return {};
  CueMatch& cached = cue_cache_[static_cast<std::size_t>(k)];
  if (cached.words >= 0) return cached;
  // The cheap filter first, on demand: most words are never asked about (those inside quotes). The
  // result is returned as computed, not read back from the cache (a store-forwarding stall).
  const CueMatch m = lex_.maybe_cue(word(k)) ? lookup_cue(k) : CueMatch{};
  cached = m;
  return m;
}

CueMatch FieldScanner::lookup_cue(int k) const {
  const void* entries = nullptr;
  std::uint32_t& c = cls_[static_cast<std::size_t>(k)];
  const std::uint32_t cls = classes_.lookup(word(k), &entries);
  c = cls;
  if (!(cls & kWcCueHead)) return {};
  std::string_view words[4];
  int n = 0;
  for (int j = k; j < ntok() && n < 4 && is_word(j); ++j) words[n++] = word(j);
  return lex_.match_entries(entries, words, n);
}

// Pairs this paragraph's marks. Top-level pairs go to pairs_; end_open_tok_ says what is left open.
void FieldScanner::pair_marks() {
  stack_.clear();
  pairs_.clear();
  end_open_tok_ = -2;
  int k = 0;
  if (pending_) {
    // Continued only when this paragraph opens with the same kind of mark (news style).
    if (ntok() > 0 && is_mark(0) && toks_[0].family == pending_draft_.family && toks_[0].role != MarkRole::kClose &&
        toks_[0].start - pending_draft_.q.span.start < kMaxQuoteBytes) {
      stack_.push_back({-1, pending_draft_.family});
      pending_segment_start_ = toks_[0].end;
      k = 1;
    } else {
      pending_ = false;
    }
  }
  const auto opened_at = [&](const Open& o) { return o.tok >= 0 ? toks_[o.tok].start : pending_draft_.q.span.start; };
  for (; k < ntok(); ++k) {
    const Token& t = toks_[k];
    if (t.kind != TokKind::kMark) continue;
    int s = static_cast<int>(stack_.size()) - 1;
    while (s >= 0 && stack_[s].family != t.family) --s;
    // "masters' " after a long stretch is a plural possessive, not the end of a single-quoted passage.
    const bool possessive = t.family == MarkFamily::kSingle && t.role == MarkRole::kClose && t.start > 0 &&
                            (text_[t.start - 1] == 's' || text_[t.start - 1] == 'S') && s >= 0 &&
                            t.start - opened_at(stack_[s]) > kMaxPossessiveQuoteBytes;
    if (t.role != MarkRole::kOpen && s >= 0 && !possessive && t.end - opened_at(stack_[s]) <= kMaxQuoteBytes) {
      if (s == 0) pairs_.push_back({stack_[0].tok, k});
      stack_.resize(static_cast<std::size_t>(s));
      continue;
    }
    if (t.role == MarkRole::kClose) continue;  // a stray closing mark, or an apostrophe (States')
    // Opening. A family does not nest in itself: a new opener replaces an unclosed one (and what is above it).
    if (s >= 0) {
      if (s == 0 && stack_[0].tok < 0) pending_ = false;
      stack_.resize(static_cast<std::size_t>(s));
    }
    if (stack_.size() < kMaxQuoteNesting) stack_.push_back({k, t.family});
  }
  if (!stack_.empty()) end_open_tok_ = stack_[0].tok;
}

void FieldScanner::apply(Draft& d, const Attribution& a, bool after) {
  d.attributed = true;
  d.after_attribution = after;
  d.q.has_speaker = true;
  d.q.speaker = a.speaker;
  d.q.has_cue = a.has_cue;
  d.q.cue = a.cue;
  d.method = a.method;
  d.rule = a.rule;
  d.cue_tok = a.cue_tok;
}

void FieldScanner::build_drafts(int paragraph, Span range) {
  const std::size_t first_draft = drafts_.size();
  for (const Pair& p : pairs_) {
    Draft d;
    Attribution before;
    std::uint32_t seg_start = 0;
    if (p.open_tok < 0) {  // closes the quotation continued from earlier paragraphs
      d = pending_draft_;
      before = pending_before_;
      seg_start = pending_segment_start_;
      pending_ = false;
    } else {
      d.family = toks_[p.open_tok].family;
      d.q.span.start = toks_[p.open_tok].start;
      before = attribute_before(p.open_tok);
      seg_start = toks_[p.open_tok].end;
      d.embedded = is_word(p.open_tok - 1);
    }
    d.id = static_cast<int>(drafts_.size());
    d.q.field = field_;
    d.q.kind = QuoteKind::kDirect;
    d.paragraph = paragraph;
    d.open_tok = p.open_tok;
    d.close_tok = p.close_tok;
    d.attr_end_tok = p.close_tok + 1;
    d.q.span.end = toks_[p.close_tok].end;
    const Span seg = trim_span(text_, {seg_start, toks_[p.close_tok].start});
    if (!seg.empty()) {
      d.q.content.push_back(seg);
      const char c = text_[seg.end - 1];
      d.ends_sentence = c == '.' || c == '!' || c == '?' || c == ',' || c == ':' || c == ';';
      d.ends_exclaim = c == '!' || c == '?';
    }
    for (int k = std::max(p.open_tok, 0); k < p.close_tok; ++k) d.words += toks_[k].kind == TokKind::kWord;
    int after = p.close_tok + 1;
    while (is_sentence_end(after)) ++after;
    d.whole_paragraph = p.open_tok <= 0 && after == ntok();  // "…" alone in its paragraph
    for (int k = std::max(p.open_tok, 0); k <= p.close_tok; ++k) quote_of_tok_[static_cast<std::size_t>(k)] = d.id;

    // `X says 'no plans' to invade`: a partial quote inside a reported clause (mixed, found later), not a
    // direct quote introduced by its cue.
    if (before.found && p.open_tok >= 0 && std::strcmp(before.rule, "direct.before.speaker-cue") == 0 &&
        is_word(p.close_tok + 1)) {
      before = Attribution();
    }
    const Attribution a = attribute_after(p.close_tok);
    if (a.found) {
      apply(d, a, true);
      d.attr_end_tok = a.end_tok;
      used_cue_[static_cast<std::size_t>(a.cue_tok >= 0 ? a.cue_tok : 0)] |= a.cue_tok >= 0;
    } else if (before.found) {
      apply(d, before, false);
      if (p.open_tok >= 0 && before.cue_tok >= 0) used_cue_[static_cast<std::size_t>(before.cue_tok)] = 1;
    } else if (has_colon_lead_ && p.open_tok == 0) {
      apply(d, colon_lead_, false);
      d.rule = "direct.before.speaker-cue-colon-paragraph";
    }
    has_colon_lead_ = false;
    drafts_.push_back(std::move(d));
  }

  // A quotation left open: continued if the next paragraph reopens it (decided there).
  if (end_open_tok_ != -2) {
    if (end_open_tok_ >= 0) {
      pending_draft_ = Draft();
      pending_draft_.family = toks_[end_open_tok_].family;
      pending_draft_.q.span.start = toks_[end_open_tok_].start;
      pending_draft_.embedded = is_word(end_open_tok_ - 1);
      pending_before_ = attribute_before(end_open_tok_);
      if (pending_before_.cue_tok >= 0) used_cue_[static_cast<std::size_t>(pending_before_.cue_tok)] = 1;
      pending_segment_start_ = toks_[end_open_tok_].end;
    }
    const Span seg = trim_span(text_, {pending_segment_start_, range.end});
    if (!seg.empty()) pending_draft_.q.content.push_back(seg);
    pending_ = true;
    for (int k = std::max(end_open_tok_, 0); k < ntok(); ++k) quote_of_tok_[static_cast<std::size_t>(k)] = -2;
  }
  merge_split_quotes(first_draft);
}

// "A," she said, "B."  ->  one quotation with two content segments and one speaker.
void FieldScanner::merge_split_quotes(std::size_t first_draft) {
  for (std::size_t i = first_draft; i + 1 < drafts_.size(); ++i) {
    Draft& a = drafts_[i];
    if (a.absorbed || !a.attributed || !a.after_attribution) continue;
    std::size_t j = i + 1;
    Draft& b = drafts_[j];
    if (b.open_tok < 0 || (!is_punct(b.open_tok - 1, ',') && !is_punct(b.open_tok - 1, ':'))) continue;
    if (b.attributed && b.cue_tok != a.cue_tok) continue;
    bool clean = b.open_tok - a.attr_end_tok <= 10;
    for (int k = a.attr_end_tok; clean && k < b.open_tok; ++k) {
      clean = is_word(k) || is_punct(k, ',') || is_punct(k, ':');
    }
    if (!clean) continue;
    a.q.span.end = b.q.span.end;
    a.q.content.insert(a.q.content.end(), b.q.content.begin(), b.q.content.end());
    a.close_tok = b.close_tok;
    a.attr_end_tok = b.attr_end_tok > b.close_tok ? b.attr_end_tok : b.close_tok + 1;
    a.words += b.words;
    a.ends_sentence = b.ends_sentence;
    a.ends_exclaim = b.ends_exclaim;
    a.rule_suffix = "+split";
    for (int k = a.open_tok < 0 ? 0 : a.open_tok; k <= b.close_tok; ++k) quote_of_tok_[static_cast<std::size_t>(k)] = a.id;
    b.absorbed = true;
    ++i;  // b is gone; a may take a third part on the next round only through b, which is fine to skip
  }
}

// [SECTION] Speakers: noun phrases before and after a cue

// Tokens [first, last] as a speaker: a name ("French President Francois Hollande", "Mr. Smith"), a
// pronoun, or a description ("Russia's foreign ministry", "the statement", "senior officials").
bool FieldScanner::valid_np(int first, int last) const {
  if (first < 0 || last < first || last >= ntok()) return false;
  int words = 0;
  for (int k = first; k <= last; ++k) {
    if (is_word(k)) {
      ++words;
      if (k > first && has(k, kWcNpStop) && !toks_[k].cap) return false;
      if (k > first && has(k, kWcSubjectPronoun)) return false;
    } else if (!is_abbrev_dot(k)) {
      return false;
    }
  }
  if (words < 1 || words > kMaxSpeakerWords) return false;
  if (!is_word(last) || has(last, kWcDeterminer | kWcNpPreposition | kWcConjunction) || is_possessive(last)) {
    return false;
  }
  if (has(first, kWcNotSpeakerStart)) return false;
  if (has(first, kWcSubjectPronoun)) return first == last;
  if (has(first, kWcDeterminer)) return words >= 2;
  if (toks_[first].cap) return true;
  // A title before a name: "fire chief Helen Ward", "lead author Sofia Lindqvist".
  if (toks_[last].cap && is_word(last - 1) && toks_[last - 1].cap) return true;
  // A lower-case start: "officials", "senior officials", "police".
  if (words > 3) return false;
  const std::string_view wl = word(last);
  return has(last, kWcPeopleNoun) || (wl.size() > 3 && (wl.back() == 's' || wl.back() == 'S'));
}

// The speaker that ends right before token `end`, starting at `lo` or later. With `must_fill` the
// phrase must reach back to `lo`, except for an apposition ("Hugh Hill, a doctor at the clinic,") or
// an opening phrase ("On Tuesday, Russia").
NounPhrase FieldScanner::np_before(int lo, int end, bool must_fill, int appositions, bool allow_intro) const {
  if (end <= lo) return {};
  if (is_punct(end - 1, ',')) {  // an apposition ends right before the cue
    if (appositions <= 0) return {};
    int c = end - 2;
    while (c >= lo && !is_punct(c, ',')) {
      if (!is_word(c) && !is_abbrev_dot(c)) return {};
      --c;
    }
    if (c < lo || end - 2 - c > kMaxAppositionWords || end - 2 - c < 1) return {};
    const NounPhrase np = np_before(lo, c, must_fill, 0, allow_intro);
    if (np.ok()) return np;
    // Another apposition before this one: "Lind, 58, who took over in 2019, said".
    return np_before(lo, c + 1, must_fill, appositions - 1, allow_intro);
  }
  int r = end;  // the longest run of name-like tokens ending at `end`
  while (r > lo && (is_word(r - 1) || is_abbrev_dot(r - 1)) && end - r < kMaxSpeakerWords + 6) --r;
  // An opening phrase before the speaker is short ("On Tuesday,", "In a statement,"); a longer one is a
  // clause, and the cue belongs to the pattern "…, X said" instead.
  const bool short_intro = r - 1 - lo <= 5 || (r - 1 - lo <= 8 && has(lo, kWcNotSpeakerStart));
  if (must_fill && r != lo && !(allow_intro && (is_punct(r - 1, ',') || is_punct(r - 1, '-')) && short_intro)) {
    return {};
  }
  for (int s = r; s < end; ++s) {  // the longest valid phrase (must_fill: the whole run)
    if (valid_np(s, end - 1)) return {s, end - 1};
    if (must_fill) break;
  }
  return {};
}

// The speaker that starts at token k (after an inverted cue: "said the parson", "said Mr. Verloc").
NounPhrase FieldScanner::np_after(int k, int hi) const {
  if (!is_word(k) || k >= hi) return {};
  if (has(k, kWcSubjectPronoun)) return NounPhrase{k, k};
  int last = k;
  int words = 1;
  const bool name = toks_[k].cap && !has(k, kWcDeterminer);
  for (int j = k + 1; j < hi && words < kMaxSpeakerWords; ++j) {
    if (is_abbrev_dot(j)) continue;
    if (!is_word(j)) break;
    if (name) {
      if (toks_[j].cap) {
        last = j;
      } else if (has(j, kWcNameParticle) && is_word(j + 1) && toks_[j + 1].cap) {
        // part of the name, taken with the next word
      } else {
        break;
      }
    } else {
      if (has(j, kWcNpStop | kWcTime | kWcSkip)) break;
      if (!has(j - 1, kWcDeterminer) && cue_at(j).words > 0) break;  // "the report" is a noun
      const std::string_view w = word(j);
      if (w.size() > 4 && w.substr(w.size() - 2) == "ly" && !toks_[j].cap) break;  // "said his wife impatiently" 
      // "the head of the agency", "a spokesman for Google", "the chamber of commerce"
      if (has(j, kWcNpPreposition) && !(has(j + 1, kWcDeterminer) || (is_word(j + 1) && toks_[j + 1].cap) ||
                                        (word(j) == "of" && is_word(j + 1) && toks_[j + 1].lower &&
                                         !has(j + 1, kWcNpStop | kWcTime | kWcSkip)))) {
        break;
      }
      if (!has(j, kWcNpPreposition | kWcDeterminer)) last = j;
    }
    ++words;
  }
  if (!valid_np(k, last)) return {};
  return {k, last};
}

// Skips words that may stand between a speaker and a cue ("has also already", "on Tuesday") going left
// from `end`; returns the new end. `modal` is set when an auxiliary was skipped ("will say").
int FieldScanner::skip_adverbials_back(int lo, int end, bool* modal) const {
  int e = end;
  for (int n = 0; e - 1 >= lo && n < 6; ++n) {
    const int k = e - 1;
    if (!is_word(k)) break;
    const char c0 = text_[toks_[k].start];
    const std::string_view w = word(k);
    const bool adverb = w.size() > 4 && !toks_[k].cap && w.substr(w.size() - 2) == "ly";  // "repeatedly"
    bool skip = adverb || has(k, kWcSkip) || (c0 >= '0' && c0 <= '9');
    if (!skip && has(k, kWcTime)) {
      // "on", "last week" always; a capitalised day or month only in "on Tuesday", "last May".
      skip = !toks_[k].cap || has(k - 1, kWcTime);  // "on Tuesday", "last May"
    }
    if (!skip) break;
    if (has(k, kWcModal)) *modal = true;
    e = k;
  }
  return e;
}

int FieldScanner::skip_adverbials_forward(int k, int hi) const {
  const int from = k;
  int n = 0;
  while (k < hi && n < 5 && is_word(k) &&
         ((has(k, kWcSkip) && !has(k, kWcModal)) || (has(k, kWcTime) && !toks_[k].cap) ||
          (has(k, kWcTime) && has(k - 1, kWcTimeLead)) ||
          (k == from && has(k, kWcWeekday)))) {  // "said Thursday"
    ++k;
    ++n;
  }
  return k;
}

// "say" (base form) needs a plural or pronoun subject or an auxiliary ("officials say", "will say").
bool FieldScanner::base_form_ok(const NounPhrase& np, bool modal) const {
  if (modal) return true;
  int head = np.last;  // the head noun: before "of"/"from" ("Delegates from the north say")
  for (int k = np.first + 1; k <= np.last; ++k) {
    if (has(k, kWcConjunction)) return true;
    if (has(k, kWcNpPreposition)) {
      head = k - 1;
      break;
    }
  }
  const std::string_view last = word(head);
  if (np.first == np.last && is_plural_pronoun(last)) return true;
  if (has(head, kWcPeopleNoun)) return true;
  // "officials say", and "Analysts say" at a sentence start; not "Reuters" inside a name.
  return last.size() > 3 && (last.back() == 's' || last.back() == 'S') && !is_possessive(head) &&
         (!toks_[head].cap || np.first == head);
}

// [SECTION] Direct quotes: attribution after, before, in headlines

// After the closing mark: `"…," X said`, `"…," said X`, `"…," according to X`, headline `'…' - X`.
Attribution FieldScanner::attribute_after(int close_tok) const {
  Attribution a;
  int j = close_tok + 1;
  if (headline() && (is_punct(j, '-') || is_punct(j, ':'))) {
    const NounPhrase np = np_after(j + 1, ntok());
    int rest = np.ok() ? np.last + 1 : ntok();
    while (is_sentence_end(rest)) ++rest;
    if (np.ok() && rest == ntok() && toks_[np.first].cap) {
      a.found = true;
      a.speaker = tok_span(np.first, np.last);
      a.method = "headline";
      a.rule = is_punct(j, '-') ? "headline.quote-dash-speaker" : "headline.quote-colon-speaker";
      a.end_tok = np.last + 1;
      return a;
    }
  }
  // The quoted text must end its clause: `,"` `?"` `!"` inside, or a comma right after the mark.
  const std::uint32_t before_mark = toks_[close_tok].start;
  const char inside = before_mark > 0 ? text_[before_mark - 1] : ' ';
  bool comma = false;
  if (is_punct(j, ',')) {
    comma = true;
    ++j;
  }
  // Without that punctuation only a short `X said [words].` closing the sentence attributes the quote
  // (`"I am innocent" he told the court.`), so a scare quote before a verb phrase stays unattributed.
  const bool strict = !comma && inside != ',' && inside != '?' && inside != '!' && inside != '-';
  int hi = j;
  while (hi < ntok() && hi - j < kMaxAttributionTokens && !is_sentence_end(hi) && !is_mark(hi)) ++hi;
  if (j >= hi) return a;

  const CueMatch first = cue_at(j);
  if (first.words > 0) {  // inverted: "said X", "according to X"
    const NounPhrase np = np_after(j + first.words, hi);
    const bool closes = np.ok() && (np.last + 1 >= ntok() || is_sentence_end(np.last + 1) || is_punct(np.last + 1, ','));
    if (np.ok() && (!strict || closes)) {
      a.found = true;
      a.speaker = tok_span(np.first, np.last);
      a.has_cue = true;
      a.cue = tok_span(j, j + first.words - 1);
      a.cue_tok = j;
      a.method = first.cls == CueClass::kAccording ? "adjacent" : "inverted";
      a.rule = first.cls == CueClass::kAccording ? "direct.after.according-to" : "direct.after.cue-speaker";
      a.end_tok = np.last + 1;
      return a;
    }
  }
  for (int k = j + 1; k < hi; ++k) {  // "X said", "Russia's foreign ministry said in a statement"
    const CueMatch m = cue_at(k);
    if (m.words == 0 || m.cls == CueClass::kAccording) continue;
    if (is_word(k - 1) && has(k - 1, kWcBe)) break;  // passive: "was told"
    bool modal = false;
    const int e = skip_adverbials_back(j, k, &modal);
    const NounPhrase np = np_before(j, e, /*must_fill=*/true, /*appositions=*/2, /*allow_intro=*/false);
    if (!np.ok() || (m.base_form && !base_form_ok(np, modal))) continue;
    if (strict) {
      int t = k + m.words;
      while (t < hi && t - (k + m.words) < 4 && is_word(t)) ++t;
      if (t < ntok() && !is_sentence_end(t)) return a;
    }
    a.found = true;
    a.speaker = tok_span(np.first, np.last);
    a.has_cue = true;
    a.cue = tok_span(k, k + m.words - 1);
    a.cue_tok = k;
    a.method = "adjacent";
    a.rule = "direct.after.speaker-cue";
    a.end_tok = k + m.words;
    return a;
  }
  return a;
}

// Before the opening mark: `X said: "…"`, `X said "…"`, `X told reporters on Tuesday: "…"`,
// `According to X, "…"`, headline `X: "…"`.
Attribution FieldScanner::attribute_before(int open_tok) const {
  Attribution a;
  int k = open_tok - 1;
  char punct = 0;
  if (is_punct(k, ':') || is_punct(k, ',')) {
    punct = toks_[k].punct;
    --k;
  }
  bool that = false;
  if (is_word(k, {"that"})) {
    that = true;
    --k;
  }
  if (k < 0) return a;
  int lo = k;  // the clause: back to a sentence end or a mark
  while (lo > 0 && k - lo < kMaxAttributionTokens && !is_sentence_end(lo - 1) && !is_mark(lo - 1)) --lo;
  if (lo > 0 && !is_sentence_end(lo - 1) && !is_mark(lo - 1)) return a;

  if (headline() && punct == ':' && !that && lo == 0) {
    const NounPhrase np = np_before(0, k + 1, true);
    if (np.ok() && toks_[np.first].cap) {
      a.found = true;
      a.speaker = tok_span(np.first, np.last);
      a.method = "headline";
      a.rule = "headline.speaker-colon-quote";
      a.end_tok = open_tok;
      return a;
    }
  }
  for (int s = k; s >= lo && k - s <= 6; --s) {  // the nearest cue, then only adverbials up to the mark
    const CueMatch m = cue_at(s);
    if (m.words == 0 || s + m.words - 1 > k) continue;
    bool adverbials = true;
    for (int t = s + m.words; t <= k && adverbials; ++t) adverbials = is_word(t) && cue_at(t).words == 0;
    if (!adverbials) continue;
    if (punct == 0 && !that && s + m.words - 1 != k) continue;  // `X said "…"` needs the cue right there
    a.has_cue = true;
    a.cue = tok_span(s, s + m.words - 1);
    a.cue_tok = s;
    a.method = "adjacent";
    a.end_tok = open_tok;
    if (m.cls == CueClass::kAccording) {
      const NounPhrase np = np_after(s + m.words, k + 1);
      if (np.ok() && np.last == k) {
        a.found = true;
        a.speaker = tok_span(np.first, np.last);
        a.rule = "direct.before.according-to";
        return a;
      }
      return Attribution();
    }
    if (s == lo && punct != 0) {  // inverted, before the quote: `Said she: "…"`
      const NounPhrase np = np_after(s + m.words, k + 1);
      if (np.ok() && np.last == k) {
        a.found = true;
        a.speaker = tok_span(np.first, np.last);
        a.method = "inverted";
        a.rule = "direct.before.cue-speaker";
        return a;
      }
    }
    if (is_word(s - 1) && has(s - 1, kWcBe)) return Attribution();
    bool modal = false;
    const int e = skip_adverbials_back(lo, s, &modal);
    int start = lo;
    while (start < e && is_word(start) && has(start, kWcClauseOpener) && !toks_[start].cap) ++start;
    if (start < e && is_word(start) && has(start, kWcClauseOpener)) ++start;  // "But the minister said:"
    if (is_punct(start, ',')) ++start;
    NounPhrase np = np_before(start, e, true);
    if (!np.ok() && start != lo) np = np_before(lo, e, true);
    if (!np.ok() || (m.base_form && !base_form_ok(np, modal))) return Attribution();
    a.found = true;
    a.speaker = tok_span(np.first, np.last);
    a.rule = that ? "direct.before.speaker-cue-that" : punct == ':' ? "direct.before.speaker-cue-colon"
                                                                    : "direct.before.speaker-cue";
    return a;
  }
  return a;
}

// [SECTION] Reported speech

// Appends an indirect (or, with a partial quote inside, mixed) quotation. False when the content
// overlaps a quotation that already has its own speaker.
bool FieldScanner::emit_reported(const NounPhrase& speaker, int cue_first, int cue_last, int content_first,
                                 int content_last, const char* rule) {
  while (content_last >= content_first && (is_sentence_end(content_last) || is_punct(content_last, ','))) {
    --content_last;
  }
  if (content_last - content_first < 1) return false;
  if (quote_of_tok_[static_cast<std::size_t>(content_first)] >= 0 && is_mark(content_first) &&
      drafts_[static_cast<std::size_t>(quote_of_tok_[static_cast<std::size_t>(content_first)])].attributed) {
    return false;  // `X said: "…"`, attributed already
  }
  std::vector<int>& inside = inside_;
  inside.clear();
  for (int k = content_first; k <= content_last; ++k) {
    const int q = quote_of_tok_[static_cast<std::size_t>(k)];
    if (q == -2) return false;
    if (q < 0 || (!inside.empty() && inside.back() == q)) continue;
    const Draft& d = drafts_[static_cast<std::size_t>(q)];
    if (d.attributed || d.absorbed || !d.direct) return false;
    inside.push_back(q);
  }
  Draft r;
  r.id = static_cast<int>(drafts_.size());
  r.direct = false;
  r.attributed = true;
  r.q.field = field_;
  r.q.kind = inside.empty() ? QuoteKind::kIndirect : QuoteKind::kMixed;
  Span content = tok_span(content_first, content_last);
  for (int q : inside) {  // a partial quote may run past the clause's end
    const Draft& d = drafts_[static_cast<std::size_t>(q)];
    content.end = std::max(content.end, d.q.span.end);
    content_last = std::max(content_last, d.close_tok);
  }
  const int first = std::min({speaker.first, cue_first, content_first});
  const int last = std::max({speaker.last, cue_last, content_last});
  r.q.span = {toks_[first].start, std::max(toks_[last].end, content.end)};
  r.q.content.push_back(content);
  r.q.has_speaker = true;
  r.q.speaker = tok_span(speaker.first, speaker.last);
  r.q.has_cue = true;
  r.q.cue = tok_span(cue_first, cue_last);
  r.method = headline() ? "headline" : "adjacent";
  r.rule = rule;
  r.rule_suffix = inside.empty() ? "" : "+partial-quote";
  r.open_tok = first;
  r.close_tok = last;
  r.attr_end_tok = last + 1;
  r.cue_tok = cue_first;
  for (int q : inside) drafts_[static_cast<std::size_t>(q)].absorbed = true;
  for (int k = first; k <= last; ++k) quote_of_tok_[static_cast<std::size_t>(k)] = r.id;
  drafts_.push_back(std::move(r));
  return true;
}

// One sentence, tokens [first, last]: `X says …`, `X has also warned that …`, `…, X said.`,
// `…, said X.`, `According to X, …`, `…, according to X.`
void FieldScanner::reported_speech(int first, int last) {
  if (last < first || static_cast<std::size_t>(last - first + 1) > kMaxSentenceTokens) return;
  int cs = first;  // clause start, after a dateline ("MOSCOW (Reuters) -") and "But", "However,"
  if (is_word(first) && word(first).size() >= 2 &&
      std::all_of(word(first).begin(), word(first).end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; })) {
    for (int t = first + 1; t <= last && t <= first + 10; ++t) {
      if (is_punct(t, '-')) {
        cs = t + 1;
        break;
      }
    }
  }
  while (cs < last && is_word(cs) && has(cs, kWcClauseOpener) && !is_word(cs + 1, {"said", "says"})) {
    ++cs;
    if (is_punct(cs, ',')) ++cs;
  }
  int end = last;  // content end, before the final punctuation
  while (end > cs && (is_sentence_end(end) || (is_mark(end) && quote_of_tok_[static_cast<std::size_t>(end)] < 0))) --end;

  for (int k = cs; k <= end; ++k) {
    if (!is_word(k) || quote_of_tok_[static_cast<std::size_t>(k)] != -1 || used_cue_[static_cast<std::size_t>(k)]) {
      continue;
    }
    if (!lex_.maybe_cue(word(k))) continue;  // most words start no cue: decided inline, without the call
    const CueMatch m = cue_at(k);
    if (m.words == 0 || m.cls == CueClass::kDirectOnly) continue;
    const int cue_last = k + m.words - 1;

    if (m.cls == CueClass::kAccording) {
      if (k == cs) {  // According to X, …
        const NounPhrase np = np_after(cue_last + 1, end + 1);
        if (np.ok() && is_punct(np.last + 1, ',') &&
            emit_reported(np, k, cue_last, np.last + 2, end, "reported.according-to-first")) {
          return;
        }
      } else if (is_punct(k - 1, ',')) {  // …, according to X.
        const NounPhrase np = np_after(cue_last + 1, end + 1);
        if (np.ok() && end - np.last <= 6 && emit_reported(np, k, cue_last, cs, k - 2, "reported.according-to-last")) {
          return;
        }
      }
      continue;
    }
    if (is_word(k - 1) && has(k - 1, kWcBe) && m.words < 3) continue;  // passive: "was told" (not "was quoted as saying")

    // Subject first: X [has also already | on Tuesday] said/warned/says …
    bool modal = false;
    // "X was quoted as saying": the auxiliary belongs to the cue.
    const int e = skip_adverbials_back(cs, m.words >= 3 && has(k - 1, kWcBe) ? k - 1 : k, &modal);
    NounPhrase np = np_before(cs, e, true);
    if (np.ok() && (!m.base_form || base_form_ok(np, modal))) {
      int c = skip_adverbials_forward(cue_last + 1, end + 1);
      bool ok = true;
      int that = -1;  // "said in a statement that", "told reporters on Tuesday that"
      for (int t = c; t <= end && t < c + 8; ++t) {
        if (is_word(t) && word(t) == "that") {
          that = t;
          break;
        }
        if (!is_word(t) && !is_abbrev_dot(t) && !is_punct(t, ',')) break;
      }
      if (that >= 0) {
        c = that + 1;
      } else if (m.cls == CueClass::kThatOnly) {
        ok = false;
      } else if (is_word(c, {"to", "by", "for", "with", "about", "goodbye", "sorry", "so", "nothing", "in"})) {
        ok = false;
      } else if (m.cls == CueClass::kListener) {
        // "warned the United States against ...": the listener is part of what was said
      } else if (m.cls == CueClass::kClausal) {
        if ((is_word(c) && word(c) == "that") || is_punct(c, ':') || is_punct(c, ',')) {
          ++c;
        } else if (!(is_word(c) && (has(c, kWcSubjectPronoun) || is_word(c, {"there"}))) && !is_mark(c)) {
          ok = false;
        }
      } else if ((is_word(c) && word(c) == "that") || is_punct(c, ':')) {
        ++c;
      }
      if (ok && c <= end && emit_reported(np, k, cue_last, c, end, "reported.speaker-cue")) return;
    }
    // Content first: …, X said [on Tuesday].   …, said X.
    if (k - cs >= 4) {
      np = np_before(cs, e, false);
      if (np.ok() && is_punct(np.first - 1, ',') && (!m.base_form || base_form_ok(np, modal))) {
        int rest = skip_adverbials_forward(cue_last + 1, end + 1);
        if (m.cls == CueClass::kListener) {  // "…, the minister told AFP."
          const NounPhrase listener = np_after(rest, end + 1);
          if (listener.ok()) rest = listener.last + 1;
        }
        int tail = rest;  // "in a statement", "on Thursday", ", blaming rising costs"; not an object ("17 deaths")
        const bool that = is_word(rest) && word(rest) == "that";  // "argued that …": the content follows
        const bool adverbial = !that && (rest > end || is_punct(rest, ',') ||
                                         has(rest, kWcNpPreposition | kWcTime | kWcSkip | kWcNotSpeakerStart));
        while (adverbial && tail <= end && !is_sentence_end(tail) && !is_mark(tail) && tail - rest < 12) {
          ++tail;
        }
        if (adverbial && tail > end && np.first - 2 - cs >= 2 &&
            emit_reported(np, k, cue_last, cs, np.first - 2, "reported.content-speaker-cue")) {
          return;
        }
      }
      if (is_punct(k - 1, ',')) {
        np = np_after(cue_last + 1, end + 1);
        if (np.ok() && end - np.last <= 6 && k - 2 - cs >= 2 &&
            emit_reported(np, k, cue_last, cs, k - 2, "reported.content-cue-speaker")) {
          return;
        }
      }
    }
  }
}

// Headlines without marks: "US-led coalition invigorates ISIL in Syria: Russia".
void FieldScanner::headline_claims() {
  for (const Draft& d : drafts_) {
    if (!d.absorbed) return;
  }
  int end = ntok() - 1;
  while (end > 0 && is_sentence_end(end)) --end;
  int colon = -1;
  for (int k = end; k > 0 && end - k <= 4; --k) {
    if (is_punct(k, ':') || is_punct(k, '-')) {
      colon = k;
      break;
    }
  }
  if (colon > 2) {
    const NounPhrase np = np_before(colon + 1, end + 1, true);
    bool all_cap = np.ok();
    for (int k = np.first; all_cap && k <= np.last; ++k) all_cap = !is_word(k) || toks_[k].cap;
    if (all_cap && np.last - np.first < 3) {
      int words = 0;
      for (int k = 0; k < colon; ++k) words += is_word(k);
      if (words >= 3 && emit_reported(np, colon, colon, 0, colon - 1, "headline.claim-colon-speaker")) {
        Draft& r = drafts_.back();
        r.q.has_cue = false;
        r.q.span = {toks_[0].start, toks_[end].end};
        return;
      }
    }
  }
  // "Putin: Russia will respond": a short name, then a colon. Only when the entity recogniser marks the
  // name as a person, organisation or place ("Ukraine Crisis: EU Agrees Sanctions" is a topic label).
  int lead = -1;
  for (int k = 1; k <= 4 && k < ntok(); ++k) {
    if (is_punct(k, ':')) {
      lead = k;
      break;
    }
  }
  if (lead > 0 && end - lead >= 3 && !is_mark(lead + 1)) {
    const NounPhrase np = np_before(0, lead, true);
    if (!np.ok()) return;
    const Span sp = tok_span(np.first, np.last);
    bool entity = false;  // entities are sorted by (field, start): look at this field's first few only
    auto it = std::lower_bound(doc_->entities.begin(), doc_->entities.end(), field_,
                               [](const Entity& e, int f) { return e.field < f; });
    for (; it != doc_->entities.end() && it->field == field_ && it->span.start < sp.end; ++it) {
      if (it->span.end == sp.end && it->span.start >= sp.start && is_speaker_entity(it->type)) entity = true;
    }
    if (entity && emit_reported(np, lead, lead, lead + 1, end, "headline.speaker-colon-claim")) {
      drafts_.back().q.has_cue = false;
    }
  }
}

// [SECTION] Scare quotes, split and floating quotes

void FieldScanner::classify_paragraph(int paragraph, std::size_t first_draft) {
  // Position order within the paragraph (reported clauses were appended after the marks' quotes).
  std::vector<int>& order = order_;
  order.clear();
  for (std::size_t i = first_draft; i < drafts_.size(); ++i) {
    if (!drafts_[i].absorbed) order.push_back(static_cast<int>(i));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) { return drafts_[a].q.span.start < drafts_[b].q.span.start; });
  int prev = -1;
  for (std::size_t n = 0; n < order.size(); ++n) {
    Draft& d = drafts_[static_cast<std::size_t>(order[n])];
    if (d.direct && !d.attributed) {
      // American style keeps the sentence's period or comma inside the marks (`called it "a disaster."`),
      // so only ? and ! mark an utterance.
      if (d.embedded && d.words <= kMaxScareWords && !d.ends_exclaim) {
        d.q.kind = QuoteKind::kScare;
        d.rule = "scare.short-unattributed";
        continue;
      }
      int from = -1;
      if (prev >= 0 && drafts_[static_cast<std::size_t>(prev)].attributed && d.open_tok >= 0) {
        const Draft& p = drafts_[static_cast<std::size_t>(prev)];
        // `"A," X said [in a statement | , the clinic's director]. "B."`: the rest of the attribution
        // sentence, then the next quote.
        int k = p.attr_end_tok;
        while (k < d.open_tok && k - p.attr_end_tok < 10 && (is_word(k) || is_punct(k, ',') || is_abbrev_dot(k))) ++k;
        bool follows = k < d.open_tok && p.attr_end_tok <= d.open_tok;
        while (follows && k < d.open_tok) follows = is_sentence_end(k++);
        if (follows) from = prev;
      }
      if (from >= 0) {
        d.rule = "floating.same-paragraph";
      } else if (n == 0 && d.whole_paragraph && last_speaker_draft_ >= 0) {
        from = last_speaker_draft_;
        d.rule = "floating.next-paragraph";
      }
      if (from >= 0) {
        const Draft& src = drafts_[static_cast<std::size_t>(from)];
        d.attributed = true;
        d.inherit_from = from;
        d.q.has_speaker = src.q.has_speaker;
        d.q.speaker = src.q.speaker;
        d.method = "floating";
      }
    }
    if (d.q.kind != QuoteKind::kScare) prev = order[n];
  }
  last_speaker_draft_ = -1;
  if (prev >= 0 && drafts_[static_cast<std::size_t>(prev)].attributed) last_speaker_draft_ = prev;
  (void)paragraph;
}

// [SECTION] Speaker resolution

void FieldScanner::resolve_and_output() {
  std::vector<int>& order = order_;
  order.clear();
  for (const Draft& d : drafts_) {
    if (!d.absorbed) order.push_back(d.id);
  }
  // By start, ties in creation order (ids increase along `order`): what a stable sort gives, without
  // the temporary buffer std::stable_sort allocates on every call.
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const std::uint32_t sa = drafts_[a].q.span.start, sb = drafts_[b].q.span.start;
    return sa != sb ? sa < sb : a < b;
  });
  doc_->quotes.reserve(doc_->quotes.size() + order.size());
  // This field's entities, in order.
  const auto by_field = [](const Entity& e, int f) { return e.field < f; };
  const auto ents_begin = std::lower_bound(doc_->entities.begin(), doc_->entities.end(), field_, by_field);
  auto ents_end = ents_begin;
  while (ents_end != doc_->entities.end() && ents_end->field == field_) ++ents_end;
  const std::string_view text(text_);

  std::vector<Recent>& recent = recent_;
  recent.clear();
  constexpr std::size_t kRecent = 16;
  // A draft's resolved speaker, read where it is: in the document once output (not copied back).
  const auto resolved_of_draft = [&](int id) -> const std::string& {
    const Draft& d = drafts_[static_cast<std::size_t>(id)];
    return d.output >= 0 ? doc_->quotes[static_cast<std::size_t>(d.output)].resolved_speaker : d.q.resolved_speaker;
  };
  const auto resolved_of = [&](const Recent& r) -> const std::string& { return resolved_of_draft(r.draft); };
  auto ent_ptr = ents_begin;
  const Entity* last_person = nullptr;
  const Entity* last_group = nullptr;

  for (int id : order) {
    Draft& d = drafts_[static_cast<std::size_t>(id)];
    Quote& q = d.q;
    if (d.inherit_from >= 0) {
      q.resolved_speaker = resolved_of_draft(d.inherit_from);
    } else if (q.has_speaker) {
      const Span sp = q.speaker;
      while (ent_ptr != ents_end && ent_ptr->span.end <= sp.start) {
        if (ent_ptr->type == EntityType::kPerson) last_person = &*ent_ptr;
        if (ent_ptr->type == EntityType::kOrg || ent_ptr->type == EntityType::kGpe) last_group = &*ent_ptr;
        ++ent_ptr;
      }
      const std::string_view s = text.substr(sp.start, sp.size());
      const std::size_t sp1 = s.find(' ');
      const std::string_view first = s.substr(0, sp1);
      const std::size_t spl = s.rfind(' ');
      const std::string_view head = spl == std::string_view::npos ? s : s.substr(spl + 1);
      const bool lower_head = !head.empty() && head[0] >= 'a' && head[0] <= 'z';
      // "the ministry", "the statement": a description with no name in it ("the FNV union" has one).
      bool description = is_definite(first) && lower_head && sp1 != std::string_view::npos;
      for (std::size_t p = sp1; description && p < s.size(); ++p) {
        if (s[p] == ' ' && p + 1 < s.size() && s[p + 1] >= 'A' && s[p + 1] <= 'Z') description = false;
      }
      std::string resolved;
      bool reference = false;
      bool resolved_entity = false, resolved_person = false;
      if (sp1 == std::string_view::npos && is_subject_pronoun(s)) {
        reference = true;
        if (is_one_of(s, {"he", "she"})) {
          // The nearer of the last person named and the last person-like speaker (even an unresolved
          // one: "the council leader said. ... he said" must not jump back to an earlier name).
          const Recent* speaker = nullptr;
          for (auto it = recent.rbegin(); it != recent.rend() && !speaker; ++it) {
            if (it->person) speaker = &*it;
          }
          if (speaker && (!last_person || speaker->start > last_person->span.start)) {
            resolved = resolved_of(*speaker);
            if (resolved.empty()) resolved = "\x01";  // unresolved on purpose (cleared below)
          } else if (last_person) {
            resolved = last_person->canonical;
          }
        } else if (is_one_of(s, {"they", "it"})) {
          // Likewise: the nearer of the last organisation or place named and the last other speaker.
          const Recent* speaker = nullptr;
          for (auto it = recent.rbegin(); it != recent.rend() && !speaker; ++it) {
            if (!it->person) speaker = &*it;
          }
          if (speaker && (!last_group || speaker->start > last_group->span.start)) {
            resolved = resolved_of(*speaker);
            if (resolved.empty()) resolved = "\x01";
          } else if (last_group) {
            resolved = last_group->canonical;
          }
        }
        if (resolved.empty() && !recent.empty() && !is_one_of(s, {"i", "you", "we"})) resolved = resolved_of(recent.back());
        if (resolved == "\x01") resolved.clear();
      } else if (description) {
        reference = true;
        const std::size_t poss = std::min(s.find("'s "), s.find("\xE2\x80\x99s "));
        if (lex_.is_statement_noun(head) && poss != std::string_view::npos) {
          // "the ministry's statement": whoever the possessor is.
          const std::string_view owner = s.substr(0, poss);
          const std::size_t o1 = owner.rfind(' ');
          const std::string_view owner_head = o1 == std::string_view::npos ? owner : owner.substr(o1 + 1);
          for (auto it = recent.rbegin(); it != recent.rend() && resolved.empty(); ++it) {
            if (contains_word(it->speaker, owner_head)) resolved = resolved_of(*it);
          }
          for (auto it = ent_ptr; resolved.empty() && it != ents_begin && ent_ptr - it < 64;) {
            --it;
            if (contains_word(text.substr(it->span.start, it->span.size()), owner_head)) resolved = it->canonical;
          }
        } else if (lex_.is_statement_noun(head)) {
          // The last speaker who spoke "in a statement", else the last speaker.
          const Recent* from = recent.empty() ? nullptr : &recent.back();
          for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
            if (it->statement) {
              from = &*it;
              break;
            }
          }
          if (from) resolved = resolved_of(*from);
        } else {
          for (auto it = recent.rbegin(); it != recent.rend() && resolved.empty(); ++it) {
            if (contains_word(it->speaker, head)) resolved = resolved_of(*it);
          }
          for (auto it = ent_ptr; resolved.empty() && it != ents_begin && ent_ptr - it < 64;) {
            --it;
            if (contains_word(text.substr(it->span.start, it->span.size()), head)) resolved = it->canonical;
          }
          // "the company", "the ministry": the last organisation named.
          if (resolved.empty() && is_one_of(head, {"company", "firm", "group", "corporation", "ministry",
                                                   "government", "agency", "union", "bank", "party", "council",
                                                   "committee", "commission", "department", "organisation",
                                                   "organization", "authority", "airline", "carrier", "club",
                                                   "board", "institute", "university", "charity", "network",
                                                   "broadcaster", "newspaper", "retailer", "manufacturer"})) {
            for (auto it = ent_ptr; resolved.empty() && it != ents_begin && ent_ptr - it < 64;) {
              --it;
              if (it->type == EntityType::kOrg) resolved = it->canonical;
            }
          }
        }
      } else {
        // A name: the entity that ends the phrase (its head), else a person inside it, else the words.
        const Entity* best = nullptr;
        for (auto it = ent_ptr; it != ents_end && it->span.start < sp.end; ++it) {
          if (!is_speaker_entity(it->type) || it->span.end > sp.end) continue;
          if (it->span.end == sp.end) best = &*it;
          else if (!best && (it->type == EntityType::kPerson || lex_.is_statement_noun(head))) best = &*it;
        }
        if (best && best->type == EntityType::kNorp && is_definite(first) && sp1 != std::string_view::npos &&
            s.find(' ', sp1 + 1) == std::string_view::npos) {
          // "the Norwegian": a person described by nationality, not the country; which person is a guess,
          // so it stays unresolved.
          reference = true;
          resolved_entity = true;
          resolved_person = true;
        } else if (best) {
          resolved = best->canonical;
          resolved_entity = true;
          resolved_person = best->type == EntityType::kPerson;
        } else {
          // No entity: the words, when they hold a name ("Russia's foreign ministry", "FNV union"), not a
          // sentence-initial capital ("A spokesman for the company", "Officials").
          std::string_view name = s;
          if (word_has(first, kWcDeterminer) && sp1 != std::string_view::npos) name = s.substr(sp1 + 1);
          bool named = false;
          for (std::size_t p = 0; p < name.size(); ++p) {
            if ((p == 0 || name[p - 1] == ' ') && name[p] >= 'A' && name[p] <= 'Z' &&
                (p > 0 || name.data() != s.data() || name.find(' ') != std::string_view::npos ||
                 !(name.size() > 3 && name.back() == 's') )) {
              named = true;
            }
          }
          std::size_t before = sp.start;  // sentence-initial: only spaces back to . ! ? or the start
          while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\n' || text[before - 1] == '\r')) {
            --before;
          }
          const bool initial = before == 0 || text[before - 1] == '.' || text[before - 1] == '!' ||
                               text[before - 1] == '?' || text[before - 1] == ':';
          if (named && name.size() > 3 && name.back() == 's' && name.find(' ') == std::string_view::npos &&
              (is_people_noun(name) || initial)) {
            named = false;  // "Officials", "Organisers" at a sentence start
          }
          if (named) resolved.assign(name);
        }
      }
      if (reference && !resolved.empty()) d.method = "reference";
      // Person-like: resolved through a PERSON entity, or a pronoun/description that is not a group or place.
      bool person_like = resolved_person;
      if (!resolved_entity) {
        person_like = is_one_of(s, {"he", "she"}) || (description && !lex_.is_statement_noun(head) &&
                                                      !(head.size() > 3 && head.back() == 's'));
        if (!reference && !resolved.empty()) person_like = true;  // a name with no entity: most are people
      }
      q.resolved_speaker = std::move(resolved);
      // Remember the speaker (resolved or not: an unknown last speaker must not hand "the statement" to
      // an older one), and whether the cue came with a statement noun ("said in a statement").
      bool statement = false;
      if (q.has_cue) {
        const std::string_view after = text.substr(q.cue.end, std::min<std::size_t>(48, text.size() - q.cue.end));
        std::size_t p = 0;
        while (p < after.size() && !statement) {
          while (p < after.size() && !(after[p] >= 'a' && after[p] <= 'z')) {
            if (after[p] == '.' || after[p] == '"') p = after.size();
            ++p;
          }
          std::size_t e = p;
          while (e < after.size() && after[e] >= 'a' && after[e] <= 'z') ++e;
          statement = e > p && lex_.is_statement_noun(after.substr(p, e - p));
          p = e;
        }
      }
      recent.push_back({s, id, statement, person_like, sp.start});
      if (recent.size() > kRecent) recent.erase(recent.begin());
    }
    d.output = static_cast<int>(doc_->quotes.size());
    Quote& out = doc_->quotes.emplace_back(std::move(q));
    out.method = d.method;
    out.rule = suffixed_rule(d.rule, d.rule_suffix);
  }
}

// [SECTION] find_quotes

void FieldScanner::run(int field, const std::vector<Span>& paragraphs, const std::vector<Span>& sentences) {
  field_ = field;
  text_ = doc_->fields[static_cast<std::size_t>(field)].text;
  drafts_.clear();
  pending_ = false;
  last_speaker_draft_ = -1;
  has_colon_lead_ = false;
  std::size_t s = 0;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const Span range = paragraphs[p];
    toks_.clear();
    tokenize_quotes(text_, range, toks_);
    quote_of_tok_.assign(toks_.size(), -1);
    cls_.assign(toks_.size(), kUnknownClass);
    cue_cache_.assign(toks_.size(), CueMatch{-1, CueClass::kReport, false});
    used_cue_.assign(toks_.size(), 0);
    if (pending_ && !(ntok() > 0 && is_mark(0))) pending_ = false;
    const std::size_t first_draft = drafts_.size();
    pair_marks();
    build_drafts(static_cast<int>(p), range);
    // Reported speech, sentence by sentence.
    while (s < sentences.size() && sentences[s].end <= range.start) ++s;
    int k = 0;
    for (; s < sentences.size() && sentences[s].start < range.end; ++s) {
      while (k < ntok() && toks_[k].start < sentences[s].start) ++k;
      const int first = k;
      while (k < ntok() && toks_[k].end <= sentences[s].end) ++k;
      reported_speech(first, k - 1);
    }
    if (headline()) headline_claims();
    classify_paragraph(static_cast<int>(p), first_draft);
    has_colon_lead_ = false;
    const int last = ntok() - 1;
    if (last >= 2 && is_punct(last, ':') && quote_of_tok_[static_cast<std::size_t>(last)] == -1) {
      Attribution a = attribute_before(ntok());
      if (a.found && a.has_cue) {
        a.cue_tok = -1;
        colon_lead_ = a;
        has_colon_lead_ = true;
      }
    }
  }
  resolve_and_output();
}

}  // namespace

void find_quotes(Document& doc) {
  doc.quotes.clear();
  // One scanner per thread, reused: its buffers are allocated once, not per document.
  static thread_local FieldScanner scanner;
  scanner.set_document(doc);
  static thread_local std::vector<Span> whole(1);  // a one-paragraph field (no allocation per document)
  for (std::size_t f = 0; f < doc.fields.size(); ++f) {
    const TextField& field = doc.fields[f];
    if (field.text.empty()) continue;
    if (static_cast<int>(f) == kBodyField) {
      scanner.run(kBodyField, doc.paragraphs, doc.sentences);
    } else {
      whole[0] = trim_span(field.text, {0, static_cast<std::uint32_t>(field.text.size())});
      scanner.run(static_cast<int>(f), whole, whole);
    }
  }
  // doc.quotes is sorted by (field, start): fields are scanned in order and each is output sorted.
}

}  // namespace gloss
