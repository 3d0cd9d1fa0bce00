// The entity recogniser's lexicon: Debian's iso-codes, WordNet 3.0, wamerican and first-name lists plus
// the curated core/data/*.tsv, compiled at build time by core/data/build_lexicon.py into one embedded
// table (the same bytes natively and in WASM), its sorted lines front-coded for a smaller download.
// Loaded once, on first use: decoded, then hashed into open-addressing tables whose keys and strings point
// into the decoded table; the English words are stored as stems with inflection rules and expanded.
#ifndef GLOSS_ENTITIES_LEXICON_H_
#define GLOSS_ENTITIES_LEXICON_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "gloss/gloss.h"

namespace gloss {

// Cue bits of a lexicon entry (see core/data/cues.tsv for what each means).
enum LexFlag : std::uint32_t {
  kLexWord = 1u << 0,       // a lower-case English word (wamerican); set on entries, see also is_word()
  kLexFirst = 1u << 1,      // a first name
  kLexSurname = 1u << 2,    // a common surname
  kLexTitle = 1u << 3,
  kLexHonorific = 1u << 4,
  kLexOrgSuf = 1u << 5,
  kLexOrgPre = 1u << 6,
  kLexLocSuf = 1u << 7,
  kLexLocPre = 1u << 8,
  kLexFacSuf = 1u << 9,
  kLexGpeSuf = 1u << 10,
  kLexEventSuf = 1u << 11,
  kLexEventPre = 1u << 12,
  kLexSpeech = 1u << 13,
  kLexLocPrep = 1u << 14,
  kLexParticle = 1u << 15,
  kLexNumWord = 1u << 16,
  kLexProduct = 1u << 17,
  kLexMinAdj = 1u << 18,
  kLexMinHead = 1u << 19,
  kLexCompass = 1u << 20,
  kLexNonName = 1u << 21,
  kLexTimeWord = 1u << 22,
  kLexRelDay = 1u << 23,
  kLexOrgCue = 1u << 24,
  kLexCurrency = 1u << 25,
  kLexMonth = 1u << 26,      // full month name or "Sept." style abbreviation (month number in `month`)
  kLexMonthAbbr = 1u << 27,  // bare three-letter abbreviation ("Mar"): a month only before a day number
  kLexWeekday = 1u << 28,    // weekday number in `weekday` (1 = Monday)
  kLexMultiStart = 1u << 29, // the first word of a multi-word name in the table
  kLexSport = 1u << 30,      // a sport named in a headline ("SOCCER - ...")
  kLexOrgFirst = 1u << 31,   // first word of a club or company name ("FC Basel")
};

// The data an entry's type came from (one "@entries" section), and the rule names that cite it. The rule
// names live as long as the Lexicon (to the end of the process), so entities hold views of them.
struct LexOrigin {
  std::string name;                  // "wordnet", "iso3166-1", "names.tsv"...
  std::string rule;                  // "lexicon:<name>"
  std::string lower_case_head_rule;  // "lexicon:lower-case-head:<name>"
};

// What a lookup reads (the key, then the flags and type) comes first: within one cache line for most
// entries (64 bytes natively, with the origin a pointer).
struct LexEntry {
  std::string_view key;
  std::uint32_t flags = 0;
  std::int8_t type = -1;       // EntityType, or -1 when the entry has no type
  std::uint8_t month = 0;      // 1..12 for kLexMonth / kLexMonthAbbr
  std::uint8_t weekday = 0;    // 1..7 (Monday..Sunday) for kLexWeekday
  std::string_view canonical;  // empty: the key itself
  std::string_view link;       // a place this place is part of (WordNet part-of holonym), or empty
  const LexOrigin* origin = nullptr;  // where the type came from; set when the entry has a type

  bool has_type() const { return type >= 0; }
  EntityType entity_type() const { return static_cast<EntityType>(type); }
};

class Lexicon {
 public:
  // The process-wide table, built on first use (thread-safe).
  static const Lexicon& get();
  // Entries point into table_: the one instance is never copied or moved.
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Exact (case-sensitive) lookup; nullptr when absent.
  const LexEntry* find(std::string_view key) const;
  // Flags of `key` (0 when absent).
  std::uint32_t flags(std::string_view key) const {
    const LexEntry* e = find(key);
    return e ? e->flags : 0;
  }
  // True when the ASCII-lower-cased `token` is an English word ("Such" -> "such").
  bool is_word_lower(std::string_view token) const;
  // True when `key` exactly is a lower-case English word (wamerican).
  bool is_word(std::string_view key) const;

  double load_ms() const { return load_ms_; }
  std::size_t entry_count() const { return entries_.size(); }
  std::size_t word_count() const;
  std::size_t data_bytes() const;

 private:
  Lexicon();
  LexEntry& insert(std::string_view key);
  void load_words(std::string_view suffixes_line, std::string_view stems);
  std::string table_;  // the decoded table from "@first" on; entries_' views point into it
  std::deque<LexOrigin> origins_;  // one per "@entries" section; a deque, so entries' pointers stay valid
  std::vector<LexEntry> entries_;
  // The hash's top half as a tag, the entry's index + 1 (0: empty) and the key's first eight bytes: a key
  // of up to eight bytes is compared here, without reading its bytes elsewhere (one cache miss less).
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t index = 0;
    std::uint64_t head = 0;
  };
  std::vector<Slot> slots_;  // size a power of two
  std::uint64_t mask_ = 0;
  // The English word list, expanded from its stems ('\n'-separated), and its hash set:
  // (hash tag << 40) | (length << 32) | (offset into words_ + 1).
  std::string words_;
  std::vector<std::uint64_t> word_slots_;
  std::uint64_t word_mask_ = 0;
  double load_ms_ = 0;
};

}  // namespace gloss

#endif  // GLOSS_ENTITIES_LEXICON_H_
