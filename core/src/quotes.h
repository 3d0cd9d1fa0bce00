// The quotation finder.
#ifndef GLOSS_QUOTES_H_
#define GLOSS_QUOTES_H_

#include "gloss/gloss.h"

namespace gloss {

// Fills doc.quotes (direct, scare, indirect and mixed quotations with their speakers), sorted by
// (field, start), for the headline, the body and the related titles. Runs after recognise_entities():
// speakers are resolved against doc.entities when there are any, and by name and earlier speakers when
// there are none. Linear in the input; see docs/quotes.md for the rules and limits.
// Thread-safe: each thread reuses its own scanner buffers.
void find_quotes(Document& doc);

}  // namespace gloss

#endif  // GLOSS_QUOTES_H_
