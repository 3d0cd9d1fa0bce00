// Sentence boundaries inside body paragraphs.
#ifndef GLOSS_SENTENCES_H_
#define GLOSS_SENTENCES_H_

#include <string_view>
#include <vector>

#include "gloss/gloss.h"

namespace gloss {

// Splits `paragraph` (a span of `text`) into sentences, appended to `sentences`. An image caption
// glued to the paragraph's last sentence ("…by North Korea.Russia and US flags") is appended to
// `captions` instead and is not part of any sentence.
void split_sentences(std::string_view text, Span paragraph, std::vector<Span>& sentences,
                     std::vector<Span>& captions);

}  // namespace gloss

#endif  // GLOSS_SENTENCES_H_
