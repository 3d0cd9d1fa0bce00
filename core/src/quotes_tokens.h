// Tokens and quotation marks for the quotation finder: words, punctuation and quote marks with their
// likely role (opening, closing, either). Apostrophes inside words (Russia's, don't, Russia’s) are part
// of the word and never become marks.
#ifndef GLOSS_QUOTES_TOKENS_H_
#define GLOSS_QUOTES_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "gloss/gloss.h"

namespace gloss {

enum class TokKind : std::uint8_t { kWord, kPunct, kMark };

// Marks pair only within a family: " “ ” `` '' are one family, ' ‘ ’ ` another, « » and ‹ › others.
enum class MarkFamily : std::uint8_t { kNone, kDouble, kSingle, kGuillemet, kSingleGuillemet };
enum class MarkRole : std::uint8_t { kOpen, kClose, kEither };

struct Token {
  std::uint32_t start = 0, end = 0;  // field-local bytes
  TokKind kind = TokKind::kWord;
  MarkFamily family = MarkFamily::kNone;
  MarkRole role = MarkRole::kEither;
  char punct = 0;  // kPunct: the ASCII character ('-' for dashes, '~' for an ellipsis)
  bool cap = false;    // kWord: starts with an upper-case letter
  bool lower = false;  // kWord: starts with a lower-case letter
};

// Appends the tokens of text[range) to `out`. Linear; no allocation besides `out`.
void tokenize_quotes(std::string_view text, Span range, std::vector<Token>& out);

}  // namespace gloss

#endif  // GLOSS_QUOTES_TOKENS_H_
