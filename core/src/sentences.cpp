#include "sentences.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

namespace gloss {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Bytes that may end a sentence: . ! ? and the lead byte of an ellipsis (E2 80 A6).
struct StopBytes {
  bool may_stop[256] = {};
  constexpr StopBytes() {
    may_stop[static_cast<unsigned char>('.')] = may_stop[static_cast<unsigned char>('!')] = true;
    may_stop[static_cast<unsigned char>('?')] = may_stop[0xE2] = true;
  }
};
constexpr StopBytes kStopBytes;

// Words whose trailing period does not end a sentence (compared without the period).
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Rev", "St",
    "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "a.m", "p.m", "e.g", "i.e", "Mt", "Ft", "Adm"};

// The word (letters and inner periods) that ends right before `dot`.
std::string_view word_before(std::string_view text, std::size_t from, std::size_t dot) {
  std::size_t i = dot;
  while (i > from && (std::isalpha(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '.')) --i;
  return text.substr(i, dot - i);
}

bool is_abbreviation(std::string_view word) {
  if (word.size() == 1 && is_upper(word[0])) return true;  // an initial: "J. Smith"
  return std::any_of(kAbbreviations.begin(), kAbbreviations.end(),
                     [&](std::string_view a) { return word == a; });
}

// Length of a closing quote or bracket at text[i], or 0.
std::size_t closer_length(std::string_view text, std::size_t i, std::size_t end) {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  // ” (E2 80 9D), ’ (E2 80 99), » (C2 BB)
  if (i + 2 < end && std::memcmp(text.data() + i, "\xE2\x80\x9D", 3) == 0) return 3;
  if (i + 2 < end && std::memcmp(text.data() + i, "\xE2\x80\x99", 3) == 0) return 3;
  if (i + 1 < end && std::memcmp(text.data() + i, "\xC2\xBB", 2) == 0) return 2;
  return 0;
}

// Can a sentence start at text[i]? Capitals, digits, opening quotes and non-ASCII letters can.
bool can_start_sentence(std::string_view text, std::size_t i) {
  const char c = text[i];
  return is_upper(c) || is_digit(c) || c == '"' || c == '\'' || c == '(' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The first position in [i, end) whose byte may end a sentence, or `end`. Eight bytes at a time while
// none of them is a stop byte (xor turns a matching byte to zero; the usual zero-byte test finds it).
std::size_t next_stop(std::string_view text, std::size_t i, std::size_t end) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const auto has_byte = [](std::uint64_t word, unsigned char c) {
    const std::uint64_t x = word ^ (kOnes * c);
    return (x - kOnes) & ~x & kHigh;
  };
  for (; i + 8 <= end; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (has_byte(word, '.') | has_byte(word, '!') | has_byte(word, '?') | has_byte(word, 0xE2)) break;
  }
  while (i < end && !kStopBytes.may_stop[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

void push_trimmed(std::string_view text, std::size_t start, std::size_t end, std::vector<Span>& out) {
  while (start < end && is_space(text[start])) ++start;
  while (end > start && is_space(text[end - 1])) --end;
  if (end > start) out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end)});
}

}  // namespace

void split_sentences(std::string_view text, Span paragraph, std::vector<Span>& sentences,
                     std::vector<Span>& captions) {
  const std::size_t end = paragraph.end;
  std::size_t start = paragraph.start;
  for (std::size_t i = start; i < end; ++i) {
    i = next_stop(text, i, end);
    if (i == end) break;
    const char c = text[i];
    const bool ellipsis = c == '\xE2' && i + 2 < end && std::memcmp(text.data() + i, "\xE2\x80\xA6", 3) == 0;
    if (c == '\xE2' && !ellipsis) continue;
    std::size_t after = i + (ellipsis ? 3 : 1);
    while (after < end && (text[after] == '.' || text[after] == '!' || text[after] == '?')) ++after;

    // A caption glued to the sentence: "Korea.Russia and US flags" (lower, period, capital, no space)
    // with no further sentence punctuation up to the paragraph's end.
    if (c == '.' && i > start && is_lower(text[i - 1]) && after < end && is_upper(text[after]) &&
        !is_abbreviation(word_before(text, start, i))) {
      const std::string_view rest = text.substr(after, end - after);
      if (rest.find_first_of(".!?") == std::string_view::npos) {
        push_trimmed(text, start, after, sentences);
        push_trimmed(text, after, end, captions);
        return;
      }
    }

    while (after < end) {
      const std::size_t n = closer_length(text, after, end);
      if (n == 0) break;
      after += n;
    }
    if (after >= end) break;  // paragraph end closes the sentence below
    if (!is_space(text[after])) continue;
    std::size_t next = after;
    while (next < end && is_space(text[next])) ++next;
    if (next >= end || !can_start_sentence(text, next)) continue;
    if (c == '.' && !ellipsis && is_abbreviation(word_before(text, start, i))) continue;
    push_trimmed(text, start, after, sentences);
    start = next;
    i = next - 1;
  }
  push_trimmed(text, start, end, sentences);
}

}  // namespace gloss
