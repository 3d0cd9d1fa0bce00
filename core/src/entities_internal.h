// Internals of the entity recogniser shared by entities*.cpp and tests/entities_test.cpp.
//
// The recogniser reads each text field once: a tokenizer (entities_tokens.cpp) cuts it into words,
// numbers and punctuation with their case and sentence position; the numeric rules
// (entities_numeric.cpp: DATE, TIME, MONEY, PERCENT, re2 anchored at candidate tokens) run first; then
// capitalised chunks are cut, filtered and typed (entities.cpp) from the lexicon (entities_lexicon.h)
// and context rules; a document pass makes mentions consistent, and overlaps are resolved.
#ifndef GLOSS_ENTITIES_INTERNAL_H_
#define GLOSS_ENTITIES_INTERNAL_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "entities_lexicon.h"
#include "gloss/gloss.h"

namespace gloss {
namespace ner {

// `w` == `lit`, the length known at compile time: the compiler compares inline, where string_view's ==
// inside the recogniser's large functions became a call to compare() and memcmp.
template <std::size_t N>
inline bool equals(std::string_view w, const char (&lit)[N]) {
  return w.size() == N - 1 && std::memcmp(w.data(), lit, N - 1) == 0;
}

// [SECTION] Tokens

enum TokenFlag : std::uint16_t {
  kTokWord = 1u << 0,          // letters (and inner digits, hyphens, apostrophes, abbreviation dots)
  kTokNumber = 1u << 1,        // starts with a digit
  kTokPunct = 1u << 2,         // one punctuation or symbol character (or one invalid byte)
  kTokUpper = 1u << 3,         // first letter is upper case
  kTokAllCaps = 1u << 4,       // at least two letters, none lower case
  kTokLower = 1u << 5,         // first letter is lower case
  kTokSentenceStart = 1u << 6, // first word or number of a sentence (or after an opening quote or colon)
  kTokNewlineBefore = 1u << 7, // a line break separates it from the previous token
  kTokSpaceBefore = 1u << 8,   // whitespace separates it from the previous token
  kTokPossessive = 1u << 9,    // the "'s" / "’s" of a possessive
  kTokInitial = 1u << 10,      // a single capital and a dot ("W.")
};

struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::uint16_t flags = 0;
  bool is(std::uint16_t f) const { return (flags & f) != 0; }
};

// Tokenizes `text` into `out` (cleared first). Invalid UTF-8 bytes become one-byte punctuation tokens.
void tokenize(std::string_view text, const Lexicon& lex, std::vector<Token>& out);

// Unicode helpers for the tokenizer (exposed for tests). `cp` is a decoded code point.
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);

// [SECTION] Candidates

struct Candidate {
  // User-provided, so emplace_back() runs only the member initialisers below instead of first
  // zero-filling the whole struct (a `rep stos` per candidate: 40% of emit()'s time).
  Candidate() {}

  Span span;                 // field-local bytes
  EntityType type = EntityType::kOrg;
  int strength = 0;          // 3 data or strong cue, 2 context rule, 1 default guess
  int priority = 0;          // tie-break in overlaps: higher is more specific
  std::string canonical;
  std::string value;
  std::string link;
  std::string_view rule;      // static storage: a literal or a LexOrigin's rule name (Entity::rule)
};

// The article's dateline date, for resolving "Tuesday", "March 28", "May".
struct DateAnchor {
  int year = 0, month = 0, day = 0;  // 0 when unknown
  bool has_date() const { return year > 0 && month > 0 && day > 0; }
};
DateAnchor parse_anchor(std::string_view published);

// Tries the DATE / TIME / MONEY / PERCENT rules at token `i`. On a match appends to `out` and returns the
// index one past the last token used; otherwise returns `i`.
std::size_t match_numeric(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                          const Lexicon& lex, const DateAnchor& anchor, std::vector<Candidate>& out);

// Resolves overlapping candidates: in each cluster of overlapping spans the longest wins, then the
// higher priority, then the stronger, then the earlier. Output sorted by (start, end).
void resolve_overlaps(std::vector<Candidate>& cands);

// Date arithmetic (proleptic Gregorian), exposed for tests.
int weekday_of(int year, int month, int day);  // 1 = Monday .. 7 = Sunday
std::string iso_date(int year, int month, int day);
void add_days(int& year, int& month, int& day, int delta);

}  // namespace ner
}  // namespace gloss

#endif  // GLOSS_ENTITIES_INTERNAL_H_
