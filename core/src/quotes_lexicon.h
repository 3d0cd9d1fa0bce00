// The quotation finder's word lists: speech cues ("said", "told reporters", "according to"), the
// words allowed between a speaker and its cue, and the nouns that stand for a statement. The data is
// core/data/quote_cues.txt, compiled in as kQuoteCuesData (see core/quote_cues.cmake).
#ifndef GLOSS_QUOTES_LEXICON_H_
#define GLOSS_QUOTES_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gloss {

extern const char kQuoteCuesData[];

enum class CueClass : std::uint8_t {
  kReport,      // R: any reported clause may follow ("Kremlin says reclusive leader ...")
  kClausal,     // C: a marked clause must follow ("insisted that ...", "added it ...")
  kListener,    // T: a listener may come first ("told reporters that ...", "warned the US against ...")
  kThatOnly,    // W: reported speech only with "that" ("the court ruled that", "the study found that")
  kDirectOnly,  // D: attributes direct quotes only ("whispered", "cried")
  kAccording,   // A: the speaker follows ("according to X")
};

// Eight bytes, returned in one register: a 12-byte layout made the compiler repack it through the stack
// on every copy, stalling on store forwarding.
struct CueMatch {
  int words = 0;           // how many words the cue spans (0: no cue here)
  CueClass cls = CueClass::kReport;
  bool base_form = false;  // "say" rather than "says"/"said": needs a plural subject or an auxiliary
};

// Case-insensitive ASCII hash and equality, so lookups need no lower-cased copy of the text.
struct CaseInsensitiveHash {
  std::size_t operator()(std::string_view s) const;
};
struct CaseInsensitiveEqual {
  bool operator()(std::string_view a, std::string_view b) const;
};
bool equals_ignore_case(std::string_view a, std::string_view b);

// Word classes of the quotation finder's grammar, as bits. One lookup gives all the classes of a word.
enum WordClass : std::uint32_t {
  kWcCueHead = 1u << 0,          // first word of a cue in the lexicon
  kWcSkip = 1u << 1,             // lexicon S: may stand between speaker and cue
  kWcStatementNoun = 1u << 2,    // lexicon N: "statement", "report"
  kWcSubjectPronoun = 1u << 3,   // he she they it we i you
  kWcPluralPronoun = 1u << 4,    // they we i you (take "say")
  kWcDeterminer = 1u << 5,       // the a an this his their some two ...
  kWcDefinite = 1u << 6,         // the this that these those his her its their our
  kWcNpStop = 1u << 7,           // never inside a speaker phrase (that, which, is, has, ...)
  kWcNpPreposition = 1u << 8,    // of for at from in with: allowed inside a speaker phrase
  kWcConjunction = 1u << 9,      // and &
  kWcBe = 1u << 10,              // is was were be been ... (passive before a cue)
  kWcModal = 1u << 11,           // will would could did ... (allows a base-form cue)
  kWcTime = 1u << 12,            // on Tuesday, last week, in March
  kWcTitleAbbrev = 1u << 13,     // Mr Mrs Dr Gen ... (their dot is not a sentence end)
  kWcClauseOpener = 1u << 14,    // but and however meanwhile ... at a clause start
  kWcPeopleNoun = 1u << 15,      // police staff people: plural without -s
  kWcNameParticle = 1u << 16,    // of de al bin van von ... inside names
  kWcNotSpeakerStart = 1u << 17, // on by after ... cannot start a speaker phrase
  kWcTimeLead = 1u << 18,        // on last this next (before a day or month)
  kWcWeekday = 1u << 19,         // monday ... sunday, yesterday, today, tonight ("said Thursday")
};

// word -> WordClass bits; ASCII words of up to 16 bytes, case-insensitive; anything else has no class.
// An open-addressing table keyed by the packed lower-case bytes: no hashing of strings, no allocation.
class WordClasses {
 public:
  static const WordClasses& instance();
  std::uint32_t lookup(std::string_view word) const { return lookup(word, nullptr); }
  // Also gives the word's cue entries when it starts a cue (`*cues`, else nullptr), in the same probe.
  std::uint32_t lookup(std::string_view word, const void** cues) const;

 private:
  WordClasses();
  void add(std::string_view word, std::uint32_t cls, const void* cues = nullptr);
  static bool pack(std::string_view word, std::uint64_t& a, std::uint64_t& b);
  // 32 bytes, aligned to 32: a slot never straddles two cache lines (a vector's default 16-byte alignment
  // split every other one).
  struct alignas(32) Slot {
    std::uint64_t a = 0, b = 0;
    std::uint32_t cls = 0;
    bool used = false;
    const void* cues = nullptr;  // CueLexicon entries for a cue head
  };
  static constexpr std::size_t kSlots = 4096;  // power of two, several times the word count
  std::vector<Slot> slots_;
};

class CueLexicon {
 public:
  // The lexicon parsed from kQuoteCuesData (built once, on first use).
  static const CueLexicon& instance();
  explicit CueLexicon(std::string_view data);

  // The longest cue starting at words[0]; words[1..n) are the words that follow (case-insensitive).
  CueMatch match(const std::string_view* words, int n) const;
  // The same, given the head's entries from WordClasses::lookup (no second hash lookup).
  CueMatch match_entries(const void* entries, const std::string_view* words, int n) const;
  bool is_skip_word(std::string_view word) const { return quick_reject(word) ? false : skip_.count(word) > 0; }
  // A cheap filter (length and first letter): false means `word` starts no cue and is no skip word.
  bool maybe_cue(std::string_view word) const {
    if (word.size() < 2 || word.size() > 31) return false;
    const std::size_t h = filter_hash(word);
    return (filter_[h >> 6] >> (h & 63)) & 1u;
  }
  bool is_statement_noun(std::string_view word) const {
    return may_be_noun(word) && nouns_.count(word) > 0;  // most words fail the cheap test: no hashing
  }
  std::size_t form_count() const { return forms_; }  // for tests: how many cue forms were read
  // Calls f(word, cls) for every cue head, skip word and statement noun (to build WordClasses).
  template <typename F>
  void for_each_word(F f) const {
    for (const auto& kv : cues_) f(kv.first, kWcCueHead, &kv.second);
    for (const auto& kv : skip_) f(kv.first, kWcSkip, nullptr);
    for (const auto& kv : nouns_) f(kv.first, kWcStatementNoun, nullptr);
  }

 private:
  struct Entry {
    std::vector<std::string_view> rest;  // words after the first, lower case
    CueClass cls;
    bool base_form;
  };
  bool quick_reject(std::string_view word) const;
  // (length, first letter) of a statement noun, case-insensitive: a necessary condition.
  bool may_be_noun(std::string_view word) const {
    if (nouns_unfiltered_) return true;
    if (word.empty() || word.size() >= 32) return false;
    const unsigned c = static_cast<unsigned char>(word[0]) | 0x20u;
    return c >= 'a' && c <= 'z' && ((noun_letters_[word.size()] >> (c - 'a')) & 1u);
  }
  // A Bloom-like filter on (length, first two letters, last letter) of cue heads and skip words.
  static std::size_t filter_hash(std::string_view w) {
    const auto lc = [](char c) { return static_cast<std::size_t>(static_cast<unsigned char>(c) | 0x20); };
    return ((w.size() * 0x9E37u) ^ (lc(w[0]) * 0x85EBu) ^ (lc(w[1]) * 0xC2B3u) ^ (lc(w.back()) * 0x27D5u)) & 8191u;
  }
  std::uint64_t filter_[8192 / 64] = {};

  std::string storage_;  // the data with '_' turned into ' ': entries point into it
  std::unordered_map<std::string_view, std::vector<Entry>, CaseInsensitiveHash, CaseInsensitiveEqual> cues_;
  std::unordered_map<std::string_view, bool, CaseInsensitiveHash, CaseInsensitiveEqual> skip_, nouns_;
  std::uint32_t first_letters_[32] = {};  // by word length (<32): bit (c - 'a') set if a cue/skip word starts so
  std::uint32_t noun_letters_[32] = {};   // the same for statement nouns (see may_be_noun)
  bool nouns_unfiltered_ = false;
  std::size_t forms_ = 0;
};

}  // namespace gloss

#endif  // GLOSS_QUOTES_LEXICON_H_
