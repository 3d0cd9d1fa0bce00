// The recogniser's tokenizer: one pass over the bytes, no allocation beyond the token vector.
#include <cstring>

#include "entities_internal.h"
#include "utf8.h"

namespace gloss {
namespace ner {

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, maths
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF20) return false;  // full-width punctuation and digits
  if (cp >= 0x1F000) return false;                 // emoji and pictographs
  return true;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137) return cp % 2 == 0;
  if (cp >= 0x139 && cp <= 0x148) return cp % 2 == 1;
  if (cp >= 0x14A && cp <= 0x177) return cp % 2 == 0;
  if (cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D) return true;
  if (cp >= 0x180 && cp <= 0x24F) return cp % 2 == 0 && cp >= 0x1CD;  // rough: Latin Extended-B pairs
  if (cp >= 0x391 && cp <= 0x3AB) return cp != 0x3A2;                  // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;                          // Cyrillic
  if (cp >= 0x460 && cp <= 0x4FF) return cp % 2 == 0 && cp != 0x482;
  if (cp >= 0x531 && cp <= 0x556) return true;                          // Armenian
  if (cp >= 0x10A0 && cp <= 0x10C5) return true;                        // Georgian
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0;                 // Latin Extended Additional
  return false;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x24F) return is_letter(cp) && !is_upper(cp);
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  if (cp >= 0x460 && cp <= 0x4FF) return cp % 2 == 1;
  if (cp >= 0x561 && cp <= 0x587) return true;
  if (cp >= 0x10D0 && cp <= 0x10FA) return true;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 1;
  return false;
}

namespace {

struct Char {
  char32_t cp;
  std::uint32_t len;  // 0 for an invalid byte (then cp is the byte and counts as one)
};

inline Char char_at(std::string_view s, std::size_t i) {
  const unsigned char b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  const std::size_t len = utf8_sequence_length(s, i);
  if (len == 0) return {0xFFFD, 0};
  return {decode_utf8(s, i, len), static_cast<std::uint32_t>(len)};
}

// ASCII first (most letters are): the Unicode range tests run only beyond it.
inline bool letter(char32_t cp) { return cp < 0x80 ? (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') : is_letter(cp); }
inline bool upper_letter(char32_t cp) { return cp < 0x80 ? cp >= 'A' && cp <= 'Z' : is_upper(cp); }
inline bool lower_letter(char32_t cp) { return cp < 0x80 ? cp >= 'a' && cp <= 'z' : is_lower(cp); }

inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
inline bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == '\f'; }

// Bytes that end a plain word (see tokenize()) with no word rule to apply: ASCII but letters, digits,
// '-' and '\'' ('.' is one of them, except after a capital: the caller checks).
struct PlainWordEnds {
  bool ends[256] = {};
  constexpr PlainWordEnds() {
    for (int c = 0; c < 0x80; ++c) {
      const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      ends[c] = !alnum && c != '-' && c != '\'';
    }
  }
};
constexpr PlainWordEnds kPlainWordEnds;

inline bool letter_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return false;
  const Char c = char_at(s, i);
  return c.len && letter(c.cp);
}

// First letter's case of s[a, b).
std::uint16_t case_flags(std::string_view s, std::size_t a, std::size_t b) {
  std::uint16_t f = 0;
  int letters = 0, upper = 0, lower = 0;
  for (std::size_t i = a; i < b;) {
    const Char c = char_at(s, i);
    const std::size_t n = c.len ? c.len : 1;
    if (c.len && letter(c.cp)) {
      const bool up = upper_letter(c.cp), lo = !up && lower_letter(c.cp);
      if (letters == 0) f |= up ? kTokUpper : lo ? kTokLower : 0;
      ++letters;
      upper += up;
      lower += lo;
    }
    i += n;
  }
  if (letters >= 2 && lower == 0 && upper >= 2) f |= kTokAllCaps;
  return f;
}

}  // namespace

void tokenize(std::string_view s, const Lexicon& lex, std::vector<Token>& out) {
  out.clear();
  const std::size_t n = s.size();
  std::size_t i = 0;
  bool sentence_start = true;
  std::uint16_t before = 0;
  // Fields are written straight into the vector: a token assembled on the stack and then copied whole
  // stalls on store forwarding (a third of the tokenizer's time).
  const auto push = [&](std::size_t a, std::size_t b, std::uint16_t flags) {
    std::uint16_t all = static_cast<std::uint16_t>(flags | before);
    if ((flags & (kTokWord | kTokNumber)) && sentence_start) {
      all |= kTokSentenceStart;
      sentence_start = false;
    }
    Token& t = out.emplace_back();
    t.start = static_cast<std::uint32_t>(a);
    t.end = static_cast<std::uint32_t>(b);
    t.flags = all;
    before = 0;
  };
  while (i < n) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    // Most tokens are plain words: ASCII letters, lower case after the first, ended by a space, the end
    // or punctuation that no word rule below looks at (not '-' or '\'', nor '.' after a capital).
    // Taken here without the character tests below; the token is the one the general path would give.
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
      std::size_t j = i + 1;
      while (j < n && s[j] >= 'a' && s[j] <= 'z') ++j;
      const unsigned char e = j < n ? static_cast<unsigned char>(s[j]) : ' ';
      if (kPlainWordEnds.ends[e] && (e != '.' || b >= 'a')) {
        push(i, j, kTokWord | (b <= 'Z' ? kTokUpper : kTokLower));
        i = j;
        if (e == ' ' && i < n) {
          before |= kTokSpaceBefore;
          ++i;
        }
        continue;
      }
    }
    // Whitespace.
    if (b == ' ' || b == '\t' || b == '\r' || b == '\f') {
      before |= kTokSpaceBefore;
      ++i;
      continue;
    }
    if (b == '\n') {
      before |= kTokSpaceBefore | kTokNewlineBefore;
      sentence_start = true;
      ++i;
      continue;
    }
    const Char c = char_at(s, i);
    if (c.len == 0) {  // invalid byte
      push(i, i + 1, kTokPunct);
      ++i;
      continue;
    }
    if (c.cp == 0xA0) {
      before |= kTokSpaceBefore;
      i += c.len;
      continue;
    }
    // Numbers: digits with inner , . : and a letter suffix ("28th", "1990s", "5bn").
    if (is_digit(c.cp)) {
      std::size_t j = i + 1;
      while (j < n) {
        const char d = s[j];
        if (d >= '0' && d <= '9') {
          ++j;
        } else if ((d == ',' || d == '.' || d == ':') && j + 1 < n && s[j + 1] >= '0' && s[j + 1] <= '9') {
          j += 2;
        } else {
          break;
        }
      }
      while (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) ++j;
      push(i, j, kTokNumber);
      i = j;
      continue;
    }
    // Possessive "'s" (also after a name written in capitals).
    if (is_apostrophe(c.cp) && i + c.len < n && (s[i + c.len] == 's' || s[i + c.len] == 'S') &&
        !letter_at(s, i + c.len + 1) && !out.empty() && out.back().end == i && out.back().is(kTokWord)) {
      push(i, i + c.len + 1, kTokPossessive | kTokWord | kTokLower);
      i += c.len + 1;
      continue;
    }
    if (letter(c.cp)) {
      std::size_t j = i + c.len;
      bool has_hyphen = false;  // only the inner-hyphen rule below puts '-' inside a word
      // Case, counted while scanning (letters after an inner apostrophe or hyphen count too).
      int upper = upper_letter(c.cp), lower = !upper && lower_letter(c.cp);
      const std::uint16_t first_case = upper ? kTokUpper : lower ? kTokLower : 0;
      while (j < n) {
        const unsigned char a = static_cast<unsigned char>(s[j]);
        if (a < 0x80) {  // ASCII fast path
          if (a >= 'a' && a <= 'z') {  // a run of lower-case letters, counted once
            std::size_t k = j + 1;
            while (k < n && s[k] >= 'a' && s[k] <= 'z') ++k;
            lower += static_cast<int>(k - j);
            j = k;
            continue;
          }
          if ((a >= 'A' && a <= 'Z')) {
            ++upper;
            ++j;
            continue;
          }
          if (a >= '0' && a <= '9') {
            ++j;
            continue;
          }
          // Any other ASCII byte but an inner hyphen or apostrophe ends the word (usually a space):
          // decided here, without decoding it as a character below.
          if (a != '-' && a != '\'') break;
        }
        const Char d = char_at(s, j);
        if (d.len == 0) break;
        if (letter(d.cp)) {
          if (upper_letter(d.cp)) {
            ++upper;
          } else if (lower_letter(d.cp)) {
            ++lower;
          }
          j += d.len;
          continue;
        }
        if ((d.cp == '-' || d.cp == 0x2010) && (letter_at(s, j + d.len) || (j + d.len < n && is_digit(s[j + d.len])))) {
          has_hyphen = has_hyphen || d.cp == '-';
          j += d.len;
          continue;
        }
        if (is_apostrophe(d.cp) && letter_at(s, j + d.len)) {
          const std::size_t k = j + d.len;
          const bool possessive = (s[k] == 's' || s[k] == 'S') && !letter_at(s, k + 1);
          if (possessive) break;
          j = k;
          continue;
        }
        break;
      }
      // Dotted abbreviations: "U.S.", "U.N.", "W." (an initial) and lexicon forms like "Mr.", "Inc.".
      std::uint16_t extra = 0;
      if (j < n && s[j] == '.') {
        const bool single_upper = j - i == 1 && s[i] >= 'A' && s[i] <= 'Z';
        if (single_upper && j + 2 < n && s[j + 1] >= 'A' && s[j + 1] <= 'Z' && s[j + 2] == '.') {
          j += 3;
          while (j + 1 < n && s[j] >= 'A' && s[j] <= 'Z' && s[j + 1] == '.') j += 2;
        } else if (single_upper && j + 2 < n && s[j + 1] == ' ' && s[j + 2] >= 'A' && s[j + 2] <= 'Z' && i > 0 &&
                   s[i - 1] == ' ') {
          ++j;
          extra = kTokInitial;
        } else if (j - i <= 6 && (first_case & kTokUpper) && lex.find(s.substr(i, j - i + 1))) {
          ++j;
        }
      }
      // Split hyphenated words where a lower-case English word meets a capitalised part:
      // "US-led" -> "US" "-" "led", "pro-Russian" -> "pro" "-" "Russian". "Kim Jong-un" stays whole.
      if (has_hyphen) {
        const std::size_t first_hyphen = s.substr(i, j - i).find('-');
        const std::size_t h1 = i + first_hyphen;
        const std::size_t h2 = i + s.substr(i, j - i).rfind('-');
        const std::string_view head = s.substr(i, h1 - i), tail = s.substr(h2 + 1, j - h2 - 1);
        const std::uint16_t head_case = case_flags(s, i, h1), tail_case = case_flags(s, h2 + 1, j);
        if ((head_case & kTokLower) && (tail_case & kTokUpper) && lex.is_word_lower(head)) {
          push(i, h1, kTokWord | head_case);
          push(h1, h1 + 1, kTokPunct);
          i = h1 + 1;
          continue;  // the rest is scanned again as its own word
        }
        if ((tail_case & kTokLower) && (head_case & kTokUpper) && tail.size() >= 3 && lex.is_word_lower(tail)) {
          push(i, h2, kTokWord | case_flags(s, i, h2));
          push(h2, h2 + 1, kTokPunct);
          push(h2 + 1, j, kTokWord | tail_case);
          i = j;
          continue;
        }
      }
      std::uint16_t case_bits = first_case;
      if (upper + lower >= 2 && lower == 0) case_bits |= kTokAllCaps;
      push(i, j, static_cast<std::uint16_t>(kTokWord | extra | case_bits));
      i = j;
      if (i < n && s[i] == ' ') {  // the usual space after a word, taken here rather than in a loop turn
        before |= kTokSpaceBefore;
        ++i;
      }
      continue;
    }
    // One punctuation or symbol character.
    push(i, i + c.len, kTokPunct);
    const char32_t p = c.cp;
    if (p == '.' || p == '!' || p == '?' || p == 0x2026 || p == ':' || p == ';' || p == 0x201C || p == 0x2018 ||
        p == '(' || p == '[') {
      // An opening quote, a colon or a bracket starts a sentence-like unit for capitalisation purposes.
      sentence_start = sentence_start || p != ';';
    } else if (p == '"' || p == '\'') {
      const bool opening = i == 0 || is_space(static_cast<unsigned char>(s[i - 1]));
      if (opening) sentence_start = true;
    } else if (p == 0x2014 || p == 0x2013 || p == '-') {
      // dashes keep the state
    }
    i += c.len;
  }
}

}  // namespace ner
}  // namespace gloss
