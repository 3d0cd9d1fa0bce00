#include "quotes_tokens.h"

#include <cstring>

namespace gloss {
namespace {

// Byte classes, one table lookup each (the scanner's hot loop).
struct ByteTable {
  bool alnum[256] = {};
  bool space[256] = {};
  constexpr ByteTable() {
    for (int c = 0; c < 256; ++c) {
      alnum[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      space[c] = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    }
  }
};
constexpr ByteTable kBytes;
bool is_alnum(char c) { return kBytes.alnum[static_cast<unsigned char>(c)]; }
bool is_space(char c) { return kBytes.space[static_cast<unsigned char>(c)]; }

enum class Seq : std::uint8_t {
  kNone, kNbsp, kLeftDouble, kRightDouble, kLowDouble, kLeftSingle, kRightSingle, kLeftGuillemet,
  kRightGuillemet, kLeftSingleGuillemet, kRightSingleGuillemet, kDash, kEllipsis, kOtherPunct,
};

// Classifies the multi-byte punctuation at t[i] (the lead byte is >= 0x80); sets `len`.
Seq classify_seq(std::string_view t, std::size_t i, std::size_t end, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(t[i]);
  len = 1;
  if (c == 0xC2 && i + 1 < end) {
    len = 2;
    switch (static_cast<unsigned char>(t[i + 1])) {
      case 0xA0: return Seq::kNbsp;
      case 0xAB: return Seq::kLeftGuillemet;
      case 0xBB: return Seq::kRightGuillemet;
      default: len = 1; return Seq::kNone;
    }
  }
  if (c == 0xE2 && i + 2 < end && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    len = 3;
    switch (static_cast<unsigned char>(t[i + 2])) {
      case 0x9C: return Seq::kLeftDouble;
      case 0x9D: return Seq::kRightDouble;
      case 0x9E: return Seq::kLowDouble;
      case 0x98: return Seq::kLeftSingle;
      case 0x99: return Seq::kRightSingle;
      case 0xB9: return Seq::kLeftSingleGuillemet;
      case 0xBA: return Seq::kRightSingleGuillemet;
      case 0x93: case 0x94: case 0x95: return Seq::kDash;
      case 0xA6: return Seq::kEllipsis;
      case 0x8B: case 0x89: case 0x8A: case 0x88: case 0x80: case 0x81: case 0x82: case 0x83: case 0x84:
      case 0x85: case 0x86: case 0x87: case 0xAF: return Seq::kNbsp;  // spaces of various widths
      default: return Seq::kOtherPunct;  // bullets, daggers, primes ...
    }
  }
  // Any other non-ASCII: a letter (or a symbol we treat as one). Length of the UTF-8 sequence; an invalid
  // byte counts alone, so it never swallows the space or mark after it.
  std::size_t n = 1;
  if (c >= 0xF0 && c <= 0xF4) n = 4;
  else if (c >= 0xE0 && c <= 0xEF) n = 3;
  else if (c >= 0xC2 && c <= 0xDF) n = 2;
  if (i + n > end) n = 1;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) n = 1;
  }
  len = n;
  return Seq::kNone;
}

// Is text[j] a place a closing mark may be followed by (space, end, punctuation, a closing mark)?
bool closing_context(std::string_view t, std::size_t j, std::size_t end) {
  if (j >= end) return true;
  const char c = t[j];
  if (is_space(c) || std::strchr(",.;:!?)]}-/", c) != nullptr || c == '"' || c == '\'') return true;
  if (static_cast<unsigned char>(c) >= 0x80) {
    std::size_t len = 0;
    const Seq s = classify_seq(t, j, end, len);
    return s == Seq::kNbsp || s == Seq::kDash || s == Seq::kEllipsis || s == Seq::kRightDouble ||
           s == Seq::kRightSingle || s == Seq::kRightGuillemet || s == Seq::kRightSingleGuillemet;
  }
  return false;
}

// A word that a leading apostrophe belongs to: '90s, 'em, 'tis, rock 'n' roll.
bool elided_word(std::string_view t, std::size_t j, std::size_t end) {
  if (j < end && t[j] >= '0' && t[j] <= '9') return true;
  std::size_t k = j;
  while (k < end && is_alnum(t[k])) ++k;
  const std::string_view w = t.substr(j, k - j);
  return w == "em" || w == "tis" || w == "twas" || w == "Tis" || w == "Twas" || w == "cause" || w == "til" ||
         w == "n" || w == "till";
}

bool starts_word(std::string_view t, std::size_t j, std::size_t end) {
  if (j >= end) return false;
  if (is_alnum(t[j])) return true;
  if (static_cast<unsigned char>(t[j]) < 0x80) return false;
  std::size_t len = 0;
  return classify_seq(t, j, end, len) == Seq::kNone;
}

}  // namespace

void tokenize_quotes(std::string_view t, Span range, std::vector<Token>& out) {
  const std::size_t end = std::min<std::size_t>(range.end, t.size());
  std::size_t i = range.start;
  // Opening context: the mark follows a space, the start, an opening bracket, a dash or an opening mark.
  const auto opening_context = [&](std::size_t pos) {
    if (pos == range.start || out.empty() || out.back().end < pos) return true;
    const Token& prev = out.back();
    if (prev.kind == TokKind::kPunct) return std::strchr("([{-/:", prev.punct) != nullptr;
    return prev.kind == TokKind::kMark && prev.role == MarkRole::kOpen;
  };
  // Tokens are written in place: one assembled on the stack and copied whole stalls on store forwarding.
  const auto push_mark = [&](std::size_t pos, std::size_t len, MarkFamily family, MarkRole role) {
    Token& tok = out.emplace_back();
    tok.start = static_cast<std::uint32_t>(pos);
    tok.end = static_cast<std::uint32_t>(pos + len);
    tok.kind = TokKind::kMark;
    tok.family = family;
    tok.role = role;
  };
  const auto push_punct = [&](std::size_t pos, std::size_t len, char p) {
    Token& tok = out.emplace_back();
    tok.start = static_cast<std::uint32_t>(pos);
    tok.end = static_cast<std::uint32_t>(pos + len);
    tok.kind = TokKind::kPunct;
    tok.punct = p;
  };
  // A mark whose role follows from the space around it (straight marks, and curly ones used backwards).
  const auto context_role = [&](std::size_t pos, std::size_t len, MarkRole preferred) {
    const bool before = opening_context(pos);
    const bool after = closing_context(t, pos + len, end);
    if (before && !after) return MarkRole::kOpen;
    if (!before && after) return MarkRole::kClose;
    return preferred;
  };

  while (i < end) {
    const char c = t[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    const unsigned char uc = static_cast<unsigned char>(c);
    std::size_t len = 1;
    Seq seq = Seq::kNone;
    if (uc >= 0x80) seq = classify_seq(t, i, end, len);

    if (is_alnum(c) || (uc >= 0x80 && seq == Seq::kNone)) {  // a word
      const std::size_t start = i;
      i += len;
      while (i < end) {
        while (i < end && is_alnum(t[i])) ++i;
        if (i >= end) break;
        const char d = t[i];
        if (d == ' ') break;  // the usual end of a word
        if (static_cast<unsigned char>(d) >= 0x80) {
          std::size_t l = 1;
          const Seq s = classify_seq(t, i, end, l);
          if (s == Seq::kNone) {
            i += l;
          } else if (s == Seq::kRightSingle && starts_word(t, i + l, end)) {
            i += l;  // Russia’s, don’t
          } else {
            break;
          }
        } else if ((d == '\'' || d == '-' || d == '&') && i + 1 < end && is_alnum(t[i + 1])) {
          i += 2;  // Russia's, Jong-Un, AT&T
        } else if (d == '.' && i + 1 < end && is_alnum(t[i + 1]) && is_alnum(t[i - 1]) &&
                   (i + 2 >= end || !is_alnum(t[i + 2]))) {
          i += 2;  // U.S, e.g (single-letter segments; "Korea.Russia" stays two words)
        } else {
          break;
        }
      }
      // The case of the first letter: ASCII, or Latin-1 (C3 80..9E capitals, C3 9F..BF small letters).
      const unsigned char f = static_cast<unsigned char>(t[start]);
      bool cap = f >= 'A' && f <= 'Z', lower = f >= 'a' && f <= 'z';
      if (f == 0xC3 && start + 1 < end) {
        const unsigned char f2 = static_cast<unsigned char>(t[start + 1]);
        cap = f2 >= 0x80 && f2 <= 0x9E;
        lower = f2 >= 0x9F;
      }
      Token& tok = out.emplace_back();
      tok.start = static_cast<std::uint32_t>(start);
      tok.end = static_cast<std::uint32_t>(i);
      tok.kind = TokKind::kWord;
      tok.cap = cap;
      tok.lower = lower;
      if (i < end && t[i] == ' ') ++i;  // the usual space after a word, skipped here rather than in a loop turn
      continue;
    }

    switch (seq) {
      case Seq::kNbsp: i += len; continue;
      case Seq::kLeftDouble: push_mark(i, len, MarkFamily::kDouble, context_role(i, len, MarkRole::kOpen) == MarkRole::kClose ? MarkRole::kClose : MarkRole::kOpen); i += len; continue;
      case Seq::kRightDouble: push_mark(i, len, MarkFamily::kDouble, context_role(i, len, MarkRole::kClose) == MarkRole::kOpen ? MarkRole::kOpen : MarkRole::kClose); i += len; continue;
      case Seq::kLowDouble: push_mark(i, len, MarkFamily::kDouble, MarkRole::kOpen); i += len; continue;
      case Seq::kLeftSingle: push_mark(i, len, MarkFamily::kSingle, context_role(i, len, MarkRole::kOpen) == MarkRole::kClose ? MarkRole::kClose : MarkRole::kOpen); i += len; continue;
      case Seq::kLeftGuillemet: push_mark(i, len, MarkFamily::kGuillemet, MarkRole::kOpen); i += len; continue;
      case Seq::kRightGuillemet: push_mark(i, len, MarkFamily::kGuillemet, MarkRole::kClose); i += len; continue;
      case Seq::kLeftSingleGuillemet: push_mark(i, len, MarkFamily::kSingleGuillemet, MarkRole::kOpen); i += len; continue;
      case Seq::kRightSingleGuillemet: push_mark(i, len, MarkFamily::kSingleGuillemet, MarkRole::kClose); i += len; continue;
      case Seq::kDash: push_punct(i, len, '-'); i += len; continue;
      case Seq::kEllipsis: push_punct(i, len, '~'); i += len; continue;
      case Seq::kOtherPunct: push_punct(i, len, '*'); i += len; continue;
      case Seq::kRightSingle: {
        // Not inside a word (the word scanner took those): a closing single mark or a trailing
        // apostrophe (States’); the pairing decides. Used as an opener only before a word.
        const bool before = opening_context(i);
        if (before && starts_word(t, i + len, end)) {
          if (!elided_word(t, i + len, end)) push_mark(i, len, MarkFamily::kSingle, MarkRole::kOpen);
        } else if (!before) {
          push_mark(i, len, MarkFamily::kSingle, MarkRole::kClose);
        }
        i += len;
        continue;
      }
      case Seq::kNone: break;
    }

    if (c == '"') {
      push_mark(i, 1, MarkFamily::kDouble, context_role(i, 1, MarkRole::kEither));
      ++i;
    } else if (c == '\'' && i + 1 < end && t[i + 1] == '\'') {  // ''two apostrophes''
      push_mark(i, 2, MarkFamily::kDouble, context_role(i, 2, MarkRole::kEither));
      i += 2;
    } else if (c == '`' && i + 1 < end && t[i + 1] == '`') {  // ``TeX-style''
      push_mark(i, 2, MarkFamily::kDouble, MarkRole::kOpen);
      i += 2;
    } else if (c == '\'' || c == '`') {
      const bool before = opening_context(i);
      const bool after = closing_context(t, i + 1, end);
      if (before && starts_word(t, i + 1, end)) {
        if (!elided_word(t, i + 1, end)) push_mark(i, 1, MarkFamily::kSingle, MarkRole::kOpen);
      } else if (c == '\'' && !before && after) {
        push_mark(i, 1, MarkFamily::kSingle, MarkRole::kClose);
      }
      ++i;
    } else {
      push_punct(i, 1, c);
      ++i;
    }
  }
}

}  // namespace gloss
